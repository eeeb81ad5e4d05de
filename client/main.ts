import "@fontsource-variable/space-grotesk";
import "@fontsource-variable/jetbrains-mono";
import "./styles/base.css";
import { startRouter } from "./router.ts";
import { applyDisplaySettings } from "./ui/display-settings.ts";
import { startLanguage } from "./ui/language.ts";

applyDisplaySettings();
await startLanguage();
startRouter(document.getElementById("app")!);
