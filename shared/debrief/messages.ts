import { z } from "zod";

const stepId = z.string().max(40);

/** Facilitator → server: show this step on every screen ("" goes back to the end screen). */
export const debriefMessage = z.strictObject({ step: stepId });

/** Player → server: an answer to the poll of the step on the projector (a choice's index, or 0-4 for a 1-5 scale). */
export const pollMessage = z.strictObject({ step: stepId, answer: z.number().int().min(0).max(9) });

/** Player → server: answers to the scenario's questions, one per question in order, each with a confidence 1-5. */
export const surveyMessage = z.strictObject({
  stage: z.enum(["before", "after"]),
  answers: z
    .array(z.strictObject({ choice: z.number().int().min(0).max(5), confidence: z.number().int().min(1).max(5) }))
    .min(1)
    .max(8),
});
