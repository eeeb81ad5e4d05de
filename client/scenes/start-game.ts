import * as Phaser from "phaser";

/**
 * A Phaser game filling `parent`, resized with it, transparent so the page's own background
 * shows through. WebGL where the device has it, the canvas renderer where it does not.
 */
export function startGame(parent: HTMLElement, scene: Phaser.Scene): Phaser.Game {
  return new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 360, height: parent.clientHeight || 200 },
    render: { antialias: true },
    scene,
  });
}
