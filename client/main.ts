import "@fontsource-variable/space-grotesk";
import "@fontsource-variable/jetbrains-mono";
import "./styles/base.css";
import { startRouter } from "./router.ts";
import { startLanguage } from "./ui/language.ts";

await startLanguage();
startRouter(document.getElementById("app")!);
