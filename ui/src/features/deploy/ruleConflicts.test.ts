import { describe, expect, it } from "vitest";
import {
  cidrWithin,
  newRuleConflict,
  parseCidr,
  ruleConflicts,
  type ConflictKind,
  type RuleLike,
} from "./ruleConflicts";

const tcp = (cidr: string, min?: number, max?: number, patch: Partial<RuleLike> = {}): RuleLike => ({
  direction: "ingress",
  protocol: "tcp",
  ethertype: cidr.includes(":") ? "IPv6" : "IPv4",
  remote_ip_prefix: cidr,
  ...(min === undefined ? {} : { port_range_min: min, port_range_max: max ?? min }),
  ...patch,
});

// [case, rules, the conflicts expected as [kind, index, other?]]
type Expected = [ConflictKind, number, number?][];
const CASES: [string, RuleLike[], Expected][] = [
  // duplicate
  ["exact duplicate", [tcp("0.0.0.0/0", 22), tcp("0.0.0.0/0", 22)], [["duplicate", 1, 0]]],
  [
    "duplicate written differently (host bits, case)",
    [tcp("10.0.0.0/8", 22), tcp("10.1.2.3/8", 22, 22, { protocol: "TCP" })],
    [["duplicate", 1, 0]],
  ],
  [
    "IPv6 duplicate, short and long form",
    [tcp("2001:db8::/32", 443), tcp("2001:0db8:0:0:0:0:0:0/32", 443)],
    [["duplicate", 1, 0]],
  ],
  [
    "ICMP duplicate",
    [
      tcp("0.0.0.0/0", undefined, undefined, { protocol: "icmp" }),
      tcp("0.0.0.0/0", undefined, undefined, { protocol: "icmp" }),
    ],
    [["duplicate", 1, 0]],
  ],
  ["not a duplicate: other port", [tcp("0.0.0.0/0", 22), tcp("0.0.0.0/0", 80)], []],
  ["not a duplicate: other direction", [tcp("0.0.0.0/0", 22), tcp("0.0.0.0/0", 22, 22, { direction: "egress" })], []],
  ["not a duplicate: other protocol", [tcp("0.0.0.0/0", 53), tcp("0.0.0.0/0", 53, 53, { protocol: "udp" })], []],
  ["not a duplicate: IPv4 and IPv6 everything", [tcp("0.0.0.0/0", 22), tcp("::/0", 22)], []],
  // contained
  ["IPv4 host inside everything, same port", [tcp("0.0.0.0/0", 22), tcp("203.0.113.1/32", 22)], [["contained", 1, 0]]],
  [
    "IPv4 /24 inside /16, earlier rule covered by a later one",
    [tcp("192.168.1.0/24", 80), tcp("192.168.0.0/16", 80)],
    [["contained", 0, 1]],
  ],
  [
    "port range inside a wider range",
    [tcp("10.0.0.0/8", 8000, 9000), tcp("10.0.0.0/8", 8080, 8081)],
    [["contained", 1, 0]],
  ],
  ["no ports means all ports", [tcp("10.0.0.0/8"), tcp("10.1.0.0/16", 22)], [["contained", 1, 0]]],
  ["IPv6 /48 inside /32", [tcp("2001:db8::/32", 22), tcp("2001:db8:1234::/48", 22)], [["contained", 1, 0]]],
  ["IPv6 host inside ::/0", [tcp("::/0", 443), tcp("2001:db8::1/128", 443)], [["contained", 1, 0]]],
  [
    "IPv4-mapped IPv6 inside ::ffff:0:0/96",
    [tcp("::ffff:0:0/96", 22), tcp("::ffff:192.0.2.1/128", 22)],
    [["contained", 1, 0]],
  ],
  ["not contained: neighbouring IPv4 networks", [tcp("192.168.1.0/24", 22), tcp("192.168.2.0/24", 22)], []],
  [
    "not contained: IPv4 inside but ports only overlap",
    [tcp("0.0.0.0/0", 8000, 8100), tcp("10.0.0.0/8", 8050, 8200)],
    [],
  ],
  ["not contained: wider port range in the narrower CIDR", [tcp("0.0.0.0/0", 22), tcp("10.0.0.0/8", 1, 65535)], []],
  ["not contained: IPv6 outside the /32", [tcp("2001:db8::/32", 22), tcp("2001:db9::/48", 22)], []],
  [
    "not contained: egress inside ingress",
    [tcp("0.0.0.0/0", 22), tcp("10.0.0.1/32", 22, 22, { direction: "egress" })],
    [],
  ],
  // icmp-ports
  ["ports on ICMP", [tcp("0.0.0.0/0", 1, 1, { protocol: "icmp" })], [["icmp-ports", 0]]],
  [
    "only a minimum port on ICMP",
    [tcp("0.0.0.0/0", undefined, undefined, { protocol: "icmp", port_range_min: 8 })],
    [["icmp-ports", 0]],
  ],
  [
    "ICMP with null ports is fine",
    [tcp("0.0.0.0/0", undefined, undefined, { protocol: "icmp", port_range_min: null, port_range_max: null })],
    [],
  ],
  // ethertype-mismatch
  ["IPv6 range on an IPv4 rule", [tcp("::/0", 22, 22, { ethertype: "IPv4" })], [["ethertype-mismatch", 0]]],
  ["IPv4 range on an IPv6 rule", [tcp("10.0.0.0/8", 22, 22, { ethertype: "IPv6" })], [["ethertype-mismatch", 0]]],
  ["matching versions are fine", [tcp("10.0.0.0/8", 22), tcp("2001:db8::/32", 22)], []],
  ["an invalid CIDR is left to the form", [tcp("10.0.0.0/33", 22), tcp("nonsense", 22)], []],
];

describe("rule conflicts", () => {
  it.each(CASES)("%s", (_name, rules, expected) => {
    const found = ruleConflicts(rules).map((c) =>
      c.other === undefined ? [c.kind, c.index] : [c.kind, c.index, c.other],
    );
    expect(found).toEqual(expected);
  });

  it("names the other rule in words", () => {
    const [dup] = ruleConflicts([tcp("0.0.0.0/0", 22), tcp("0.0.0.0/0", 22)]);
    expect(dup!.message).toBe("Repeats rule 1 (ingress TCP IPv4 0.0.0.0/0, port 22): remove one of them.");
    const [inside] = ruleConflicts([tcp("0.0.0.0/0"), tcp("10.0.0.0/8", 80, 90)]);
    expect(inside!.message).toBe(
      "Already covered by rule 1 (ingress TCP IPv4 0.0.0.0/0, all ports): this rule adds nothing.",
    );
  });

  it("refuses a new rule that repeats, is covered by, or covers an existing one", () => {
    const rules = [tcp("10.0.0.0/8", 22)];
    expect(newRuleConflict(rules, tcp("10.0.0.0/8", 22))).toMatch(/^Repeats rule 1/);
    expect(newRuleConflict(rules, tcp("10.20.0.0/16", 22))).toMatch(/^Already covered by rule 1/);
    expect(newRuleConflict(rules, tcp("0.0.0.0/0", 22))).toMatch(/^Covers rule 1 .*remove that rule first/);
    expect(newRuleConflict(rules, tcp("10.0.0.0/8", 80))).toBeNull();
    expect(newRuleConflict([], tcp("10.0.0.0/8", 80))).toBeNull();
  });
});

describe("CIDR ranges", () => {
  it.each([
    ["203.0.113.7/24", 4, 24, "203.0.113.0"],
    ["::/0", 6, 0, "0"],
    ["2001:db8::1/64", 6, 64, "2001:db8::"],
  ])("parses %s", (text, version, prefix, net) => {
    const r = parseCidr(text)!;
    expect([r.version, r.prefix]).toEqual([version, prefix]);
    if (version === 4) expect(r.network).toBe(0xcb007100n);
    else expect(r.network).toBe(net === "0" ? 0n : 0x20010db8n << 96n);
  });

  it.each(["10.0.0.0", "10.0.0.0/33", "::/129", "x/8", "10.0.0.0/-1"])("refuses %s", (text) => {
    expect(parseCidr(text)).toBeNull();
  });

  it("compares only ranges of one IP version", () => {
    expect(cidrWithin(parseCidr("0.0.0.0/32")!, parseCidr("::/0")!)).toBe(false);
    expect(cidrWithin(parseCidr("10.0.0.0/8")!, parseCidr("10.0.0.0/8")!)).toBe(true);
    expect(cidrWithin(parseCidr("10.0.0.0/8")!, parseCidr("10.0.0.0/9")!)).toBe(false);
  });
});
