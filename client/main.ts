import "@fontsource-variable/space-grotesk";
import "@fontsource-variable/jetbrains-mono";
import "./styles/base.css";
import { startRouter } from "./router.ts";

startRouter(document.getElementById("app")!);
