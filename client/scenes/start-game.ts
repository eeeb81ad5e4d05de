import * as Phaser from "phaser";

let webglIsFast: boolean | undefined;

/** Renderers that emulate a graphics card on the processor. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Whether WebGL runs on a graphics card. Where the browser emulates it on the processor
 * (SwiftShader, llvmpipe: a laptop whose GPU is blocklisted, a headless browser), Phaser's
 * WebGL renderer costs many times what its canvas renderer does for the same graph: in the
 * replay benchmark it made each seek and what-if wait seconds behind frames being drawn
 * (docs/PERFORMANCE.md). Chromium still grants `failIfMajorPerformanceCaveat` contexts on
 * SwiftShader, so the renderer's name decides.
 */
function fastWebGL(): boolean {
  if (webglIsFast === undefined) {
    const gl = document.createElement("canvas").getContext("webgl", { failIfMajorPerformanceCaveat: true });
    const info = gl?.getExtension("WEBGL_debug_renderer_info");
    const renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "";
    webglIsFast = gl !== null && !SOFTWARE_GL.test(renderer);
    gl?.getExtension("WEBGL_lose_context")?.loseContext();
  }
  return webglIsFast;
}

/**
 * A Phaser game filling `parent`, resized with it, transparent so the page's own background
 * shows through. WebGL where the device draws it on a graphics card, the canvas renderer
 * where it would be emulated or is missing.
 */
export function startGame(parent: HTMLElement, scene: Phaser.Scene): Phaser.Game {
  return new Phaser.Game({
    type: fastWebGL() ? Phaser.WEBGL : Phaser.CANVAS,
    parent,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 360, height: parent.clientHeight || 200 },
    render: { antialias: true },
    scene,
  });
}
