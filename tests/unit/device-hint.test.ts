import { describe, expect, it } from "vitest";
import { deviceHint } from "../../client/net/device-hint.ts";
import { deviceSentence, linkJoinOptions } from "../../shared/messages/phone-link.ts";

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const PIXEL = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";
const TAB = "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
const IPAD = "Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1";
const LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

describe("the device hint on the projector's 'A phone asks for the controls'", () => {
  it("names the kind of device from its user agent, in words a teacher recognises", () => {
    expect([IPHONE, PIXEL, TAB, IPAD, LAPTOP, "curl/8.5"].map((ua) => deviceSentence(deviceHint(ua)))).toEqual([
      "It says it is an iPhone.",
      "It says it is an Android phone.",
      "It says it is an Android tablet.",
      "It says it is an iPad.",
      "It says it is a computer.",
      "It did not say what kind of device it is.",
    ]);
  });

  it("takes only a word from the closed list: a phone cannot put its own text on the projector", () => {
    expect(linkJoinOptions.safeParse({ link: "t".repeat(32), device: "iphone" }).success).toBe(true);
    expect(linkJoinOptions.safeParse({ link: "t".repeat(32) }).success).toBe(true);
    expect(linkJoinOptions.safeParse({ link: "t".repeat(32), device: "Mr Smith's iPhone" }).success).toBe(false);
  });
});
