import azureFunctions from "@azure/functions";
import { describe, expect, it } from "vitest";
import { addressGroupOf, clientAddressOf } from "./client-address.js";

const requestWith = (forwardedFor?: string) =>
  new azureFunctions.HttpRequest({
    method: "POST",
    url: "http://127.0.0.1/api/intake/website",
    headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor },
  });

describe("the client address of a request", () => {
  it.each([
    ["Azure's front end entry, ip:port", "203.0.113.7:51234", "203.0.113.7"],
    ["the local host's entry, a bare address", "127.0.0.2", "127.0.0.2"],
    ["an IPv6 entry with a port", "[2001:db8::7]:51234", "2001:db8::7"],
    ["a bare IPv6 entry", "2001:DB8::7", "2001:db8::7"],
    ["an IPv4-mapped IPv6 entry", "::ffff:127.0.0.2", "::ffff:127.0.0.2"],
  ])("reads %s", (_case, header, address) => {
    expect(clientAddressOf(requestWith(header))).toBe(address);
  });

  it("trusts only the last entry: the ones before it are the client's own claims", () => {
    expect(clientAddressOf(requestWith("198.51.100.1, 10.0.0.1, 203.0.113.7:443"))).toBe(
      "203.0.113.7",
    );
  });

  it.each([[undefined], [""], ["not-an-address"], ["198.51.100.1, "]])(
    "is unknown without a usable last entry (%s)",
    (header) => {
      expect(clientAddressOf(requestWith(header))).toBe("unknown");
    },
  );
});

describe("the sender a per-address budget counts", () => {
  it.each([
    ["an IPv4 address as itself", "203.0.113.7", "203.0.113.7"],
    ["an IPv6 address as its /64", "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["a shortened IPv6 address as its /64", "2001:db8::7", "2001:db8:0:0::/64"],
    ["two addresses of one /64 alike", "2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["the loopback", "::1", "0:0:0:0::/64"],
  ])("counts %s", (_case, address, group) => {
    expect(addressGroupOf(address)).toBe(group);
  });
});
