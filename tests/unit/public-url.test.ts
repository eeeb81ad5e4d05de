import { describe, expect, it } from "vitest";
import { publicBaseUrl } from "../../server/http/public-url.ts";

describe("the address players are shown", () => {
  it("is a loopback address when the server listens only on loopback", () => {
    expect(publicBaseUrl(2567, { HOST: "127.0.0.1" })).toBe("http://127.0.0.1:2567");
    expect(publicBaseUrl(2567, { HOST: "localhost" })).toBe("http://localhost:2567");
    expect(publicBaseUrl(2567, { HOST: "::1" })).toBe("http://[::1]:2567");
  });

  it("is the address HOST names when it names one", () => {
    expect(publicBaseUrl(80, { HOST: "192.168.1.20" })).toBe("http://192.168.1.20:80");
    expect(publicBaseUrl(80, { HOST: "fe80::1" })).toBe("http://[fe80::1]:80");
  });

  it("is a LAN address (or localhost on a machine without one) when listening everywhere", () => {
    for (const HOST of [undefined, "", "0.0.0.0", "::"]) {
      const url = publicBaseUrl(2567, { HOST });
      expect(url).toMatch(/^http:\/\/[^/]+:2567$/);
      expect(url).not.toMatch(/127\.0\.0\.1/);
    }
  });

  it("is PUBLIC_URL when set, whatever HOST is", () => {
    expect(publicBaseUrl(2567, { HOST: "127.0.0.1", PUBLIC_URL: "https://game.example.org/" })).toBe("https://game.example.org");
  });
});
