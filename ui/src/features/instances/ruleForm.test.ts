import { describe, expect, it } from "vitest";
import { EMPTY_RULE, cidrError, isIPv6, ruleRequest, validateRule, type RuleDraft, type RuleField } from "./ruleForm";

const rule = (patch: Partial<RuleDraft>): RuleDraft => ({
  ...EMPTY_RULE,
  remote_ip_prefix: "0.0.0.0/0",
  port_range_min: "22",
  port_range_max: "22",
  ...patch,
});

// [case, draft, the fields that must be refused (and nothing else)]
const CASES: [string, Partial<RuleDraft>, RuleField[]][] = [
  ["SSH from anywhere", {}, []],
  ["a single IPv4 host", { remote_ip_prefix: "203.0.113.1/32" }, []],
  ["an IPv4 network", { remote_ip_prefix: "192.168.1.0/24" }, []],
  ["IPv6 everything", { ethertype: "IPv6", remote_ip_prefix: "::/0" }, []],
  ["IPv6 documentation range", { ethertype: "IPv6", remote_ip_prefix: "2001:db8::/32" }, []],
  ["IPv6 full form /128", { ethertype: "IPv6", remote_ip_prefix: "2001:0db8:0000:0000:0000:0000:0000:0001/128" }, []],
  ["a port range", { port_range_min: "8000", port_range_max: "8100" }, []],
  ["the edges 1–65535", { port_range_min: "1", port_range_max: "65535" }, []],
  ["UDP", { protocol: "udp", port_range_min: "53", port_range_max: "53" }, []],
  ["egress", { direction: "egress" }, []],
  ["ICMP without ports", { protocol: "icmp", port_range_min: "", port_range_max: "" }, []],
  ["empty CIDR", { remote_ip_prefix: "" }, ["remote_ip_prefix"]],
  ["no prefix", { remote_ip_prefix: "10.0.0.1" }, ["remote_ip_prefix"]],
  ["IPv4 prefix 33", { remote_ip_prefix: "10.0.0.0/33" }, ["remote_ip_prefix"]],
  ["IPv4 prefix 0 is fine", { remote_ip_prefix: "10.0.0.0/0" }, []],
  ["octet 256", { remote_ip_prefix: "10.0.0.256/32" }, ["remote_ip_prefix"]],
  ["three octets", { remote_ip_prefix: "10.0.0/24" }, ["remote_ip_prefix"]],
  ["prefix not a number", { remote_ip_prefix: "10.0.0.0/x" }, ["remote_ip_prefix"]],
  ["IPv6 prefix 129", { ethertype: "IPv6", remote_ip_prefix: "2001:db8::/129" }, ["remote_ip_prefix"]],
  ["IPv6 prefix 128", { ethertype: "IPv6", remote_ip_prefix: "::1/128" }, []],
  ["IPv6 range on an IPv4 rule", { remote_ip_prefix: "::/0" }, ["remote_ip_prefix"]],
  ["IPv4 range on an IPv6 rule", { ethertype: "IPv6", remote_ip_prefix: "0.0.0.0/0" }, ["remote_ip_prefix"]],
  ["not an address", { remote_ip_prefix: "example.com/24" }, ["remote_ip_prefix"]],
  ["TCP without ports", { port_range_min: "", port_range_max: "" }, ["port_range_min", "port_range_max"]],
  ["TCP without the maximum", { port_range_max: "" }, ["port_range_max"]],
  ["UDP without the minimum", { protocol: "udp", port_range_min: "" }, ["port_range_min"]],
  ["port 0", { port_range_min: "0" }, ["port_range_min"]],
  ["port 65536", { port_range_max: "65536" }, ["port_range_max"]],
  ["not a number", { port_range_min: "ssh" }, ["port_range_min"]],
  ["a fraction", { port_range_min: "22.5" }, ["port_range_min"]],
  ["min above max", { port_range_min: "100", port_range_max: "99" }, ["port_range_max"]],
  ["ICMP with ports", { protocol: "icmp" }, ["port_range_min", "port_range_max"]],
  ["ICMP with one port", { protocol: "icmp", port_range_max: "" }, ["port_range_min"]],
  [
    "everything wrong",
    { remote_ip_prefix: "x", port_range_min: "0", port_range_max: "" },
    ["remote_ip_prefix", "port_range_min", "port_range_max"],
  ],
];

describe("security rule form validation", () => {
  it.each(CASES)("%s", (_name, patch, refused) => {
    const errors = validateRule(rule(patch));
    expect(Object.keys(errors).sort()).toEqual([...refused].sort());
  });

  it("explains the mistakes in words", () => {
    expect(cidrError("10.0.0.0/33", "IPv4")).toMatch(/between 0 and 32/);
    expect(cidrError("::/129", "IPv6")).toMatch(/between 0 and 128/);
    expect(cidrError("::/0", "IPv4")).toMatch(/IPv6 range, but the rule is IPv4/);
    expect(validateRule(rule({ port_range_min: "100", port_range_max: "99" })).port_range_max).toMatch(
      /minimum port \(100\)/,
    );
    expect(validateRule(rule({ protocol: "icmp" })).port_range_min).toMatch(/do not apply to ICMP/);
  });

  it.each([
    ["::", true],
    ["::1", true],
    ["fe80::1:2", true],
    ["1:2:3:4:5:6:7:8", true],
    ["::ffff:192.0.2.1", true],
    ["1:2:3:4:5:6:7", false],
    ["1::2::3", false],
    ["1:2:3:4:5:6:7:8:9", false],
    ["12345::", false],
    ["g::1", false],
  ])("IPv6 %s → %s", (addr, ok) => {
    expect(isIPv6(addr)).toBe(ok);
  });

  it("sends numbers for TCP/UDP ports and none for ICMP", () => {
    expect(
      ruleRequest(rule({ remote_ip_prefix: " 10.0.0.0/8 ", port_range_min: "80", port_range_max: "443" })),
    ).toEqual({
      direction: "ingress",
      protocol: "tcp",
      ethertype: "IPv4",
      remote_ip_prefix: "10.0.0.0/8",
      port_range_min: 80,
      port_range_max: 443,
    });
    expect(ruleRequest(rule({ protocol: "icmp", port_range_min: "", port_range_max: "" }))).toMatchObject({
      port_range_min: null,
      port_range_max: null,
    });
  });
});
