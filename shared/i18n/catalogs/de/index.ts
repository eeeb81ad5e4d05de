import a11y from "./a11y.json" with { type: "json" };
import common from "./common.json" with { type: "json" };
import content from "./content.json" with { type: "json" };
import debrief from "./debrief.json" with { type: "json" };
import errors from "./errors.json" with { type: "json" };
import feed from "./feed.json" with { type: "json" };
import guide from "./guide.json" with { type: "json" };
import host from "./host.json" with { type: "json" };
import phone from "./phone.json" with { type: "json" };
import replay from "./replay.json" with { type: "json" };
import scenario from "./scenario.json" with { type: "json" };

/** Every namespace of this language's catalog; one file each, so each part of the product keeps its own. */
export default { a11y, common, content, debrief, errors, feed, guide, host, phone, replay, scenario };
