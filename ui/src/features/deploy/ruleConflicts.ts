// Conflicting security rules in the deploy wizard (DEP-51: "conflicting rules are detected").
// Each rule alone is checked by vm/ruleForm.ts (the copy of validate.rs security_rule); this
// looks at the list: a rule that repeats or is covered by another adds nothing, and a rule
// the server would refuse (ports on ICMP, a range of the other IP version) is flagged even
// when it came from a saved draft rather than the form.

import { isIPv4, isIPv6 } from "../instances/ruleForm";

/** The fields a conflict needs; both the request's Serialize and Deserialize shapes fit. */
export type RuleLike = {
  direction: string;
  protocol: string;
  ethertype: string;
  remote_ip_prefix: string;
  port_range_min?: number | null;
  port_range_max?: number | null;
};

export type ConflictKind = "duplicate" | "contained" | "icmp-ports" | "ethertype-mismatch";

export type Conflict = {
  kind: ConflictKind;
  /** The rule at fault (for a pair, the one that adds nothing: the later duplicate, the covered one). */
  index: number;
  /** The other rule of a pair. */
  other?: number;
  message: string;
};

type Range = { version: 4 | 6; network: bigint; prefix: number };

const BITS = { 4: 32, 6: 128 } as const;

function ipv4Value(addr: string): bigint {
  return addr.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

/** A valid IPv6 address (isIPv6) as a 128-bit number: "::" filled with zeros, an IPv4 tail as two groups. */
function ipv6Value(addr: string): bigint {
  const [head = "", tail] = addr.split("::") as [string, string | undefined];
  const groups = (s: string): bigint[] =>
    s === ""
      ? []
      : s.split(":").flatMap((g) => {
          if (!g.includes(".")) return [BigInt(parseInt(g, 16))];
          const v4 = ipv4Value(g);
          return [v4 >> 16n, v4 & 0xffffn];
        });
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all = [...front, ...Array<bigint>(8 - front.length - back.length).fill(0n), ...back];
  return all.reduce((acc, g) => (acc << 16n) | g, 0n);
}

/** The range a CIDR text covers (host bits cleared), or `null` when it is not valid CIDR. */
export function parseCidr(text: string): Range | null {
  const v = text.trim();
  const slash = v.indexOf("/");
  if (slash < 0) return null;
  const addr = v.slice(0, slash);
  const prefixText = v.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  const version = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : null;
  if (version === null || prefix > BITS[version]) return null;
  const value = version === 4 ? ipv4Value(addr) : ipv6Value(addr);
  const hostBits = BigInt(BITS[version] - prefix);
  return { version, network: (value >> hostBits) << hostBits, prefix };
}

/** Whether `inner` lies within `outer` (same IP version, longer or equal prefix, same leading bits). */
export function cidrWithin(inner: Range, outer: Range): boolean {
  if (inner.version !== outer.version || inner.prefix < outer.prefix) return false;
  const hostBits = BigInt(BITS[outer.version] - outer.prefix);
  return inner.network >> hostBits === outer.network >> hostBits;
}

const ALL_PORTS: [number, number] = [1, 65535];

/** The ports a rule covers. No ports means all ports (and ICMP has none to compare). */
function portsOf(r: RuleLike): [number, number] {
  if (isIcmp(r)) return ALL_PORTS;
  return [r.port_range_min ?? ALL_PORTS[0], r.port_range_max ?? ALL_PORTS[1]];
}

function isIcmp(r: RuleLike): boolean {
  return r.protocol.toLowerCase() === "icmp";
}

/** Direction, protocol and IP version: only rules that agree on all three can overlap. */
function sameKind(a: RuleLike, b: RuleLike): boolean {
  return (
    a.direction.toLowerCase() === b.direction.toLowerCase() &&
    a.protocol.toLowerCase() === b.protocol.toLowerCase() &&
    a.ethertype.toLowerCase() === b.ethertype.toLowerCase()
  );
}

function portsText(r: RuleLike): string {
  if (isIcmp(r)) return "";
  const [lo, hi] = portsOf(r);
  if (lo === 1 && hi === 65535) return ", all ports";
  return lo === hi ? `, port ${lo}` : `, ports ${lo}–${hi}`;
}

/** "ingress TCP IPv4 0.0.0.0/0, port 22": how a conflict names the other rule. */
export function ruleSummary(r: RuleLike): string {
  return `${r.direction} ${r.protocol.toUpperCase()} ${r.ethertype} ${r.remote_ip_prefix.trim()}${portsText(r)}`;
}

function pairConflict(a: RuleLike, i: number, b: RuleLike, j: number): Conflict | null {
  if (!sameKind(a, b)) return null;
  const ra = parseCidr(a.remote_ip_prefix);
  const rb = parseCidr(b.remote_ip_prefix);
  const [alo, ahi] = portsOf(a);
  const [blo, bhi] = portsOf(b);
  const samePorts = alo === blo && ahi === bhi;
  // Texts that are not CIDR are refused on their own; they can still repeat each other.
  const sameRange =
    ra && rb
      ? ra.version === rb.version && ra.prefix === rb.prefix && ra.network === rb.network
      : a.remote_ip_prefix.trim() === b.remote_ip_prefix.trim();
  if (sameRange && samePorts) {
    return {
      kind: "duplicate",
      index: j,
      other: i,
      message: `Repeats rule ${i + 1} (${ruleSummary(a)}): remove one of them.`,
    };
  }
  if (!ra || !rb) return null;
  if (cidrWithin(rb, ra) && alo <= blo && bhi <= ahi) {
    return { kind: "contained", index: j, other: i, message: coveredBy(i, a) };
  }
  if (cidrWithin(ra, rb) && blo <= alo && ahi <= bhi) {
    return { kind: "contained", index: i, other: j, message: coveredBy(j, b) };
  }
  return null;
}

function coveredBy(index: number, r: RuleLike): string {
  return `Already covered by rule ${index + 1} (${ruleSummary(r)}): this rule adds nothing.`;
}

function ownConflicts(r: RuleLike, index: number): Conflict[] {
  const found: Conflict[] = [];
  if (isIcmp(r) && (r.port_range_min != null || r.port_range_max != null)) {
    found.push({
      kind: "icmp-ports",
      index,
      message: "Ports do not apply to ICMP: remove the ports or pick TCP or UDP.",
    });
  }
  const range = parseCidr(r.remote_ip_prefix);
  const ether = r.ethertype.toLowerCase();
  if (range && ((range.version === 6 && ether === "ipv4") || (range.version === 4 && ether === "ipv6"))) {
    const [is, rule] = range.version === 6 ? ["IPv6", "IPv4"] : ["IPv4", "IPv6"];
    found.push({
      kind: "ethertype-mismatch",
      index,
      message: `${r.remote_ip_prefix.trim()} is an ${is} range, but the rule is ${rule}.`,
    });
  }
  return found;
}

/** Every conflict in the list, in rule order. */
export function ruleConflicts(rules: readonly RuleLike[]): Conflict[] {
  const found: Conflict[] = [];
  rules.forEach((r, i) => found.push(...ownConflicts(r, i)));
  for (let j = 0; j < rules.length; j++) {
    for (let i = 0; i < j; i++) {
      const c = pairConflict(rules[i]!, i, rules[j]!, j);
      if (c) found.push(c);
    }
  }
  return found.sort((x, y) => x.index - y.index);
}

/**
 * Why a rule may not be added after `rules` (the form refuses it at its field), in the new
 * rule's own words; `null` when it fits. Only pair conflicts: its own faults are the form's.
 */
export function newRuleConflict(rules: readonly RuleLike[], candidate: RuleLike): string | null {
  const at = rules.length;
  const all = [...rules, candidate];
  for (const c of ruleConflicts(all)) {
    if (c.other === undefined) continue;
    if (c.index === at) return c.message;
    if (c.other === at) {
      const covered = `rule ${c.index + 1} (${ruleSummary(all[c.index]!)})`;
      return `Covers ${covered}, which would then add nothing: remove that rule first or narrow this one.`;
    }
  }
  return null;
}
