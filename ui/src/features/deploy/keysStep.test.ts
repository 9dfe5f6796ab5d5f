import { describe, expect, it } from "vitest";
import { keyDetail, reconcileSelection, validateKeys } from "./keysStep";
import { type SshKey } from "../sshKeys/queries";

const GOOD_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGq1mHkq0T1kS2p3cH7u5dQ0ZQ9zJ9sV2y8b0o1e1x2Q me@host";

const key = (id: string, name = id): SshKey => ({
  id,
  name,
  public_key: GOOD_KEY,
  fingerprint: `SHA256:${id}`,
  used_by: [],
  created_at: null,
});

describe("validateKeys (DEP-01)", () => {
  it("refuses no key at all", () => {
    expect(validateKeys({ sshKeyIds: [] }, [key("a")]).sshKeyIds).toMatch(/^Choose at least one SSH key: /);
    expect(validateKeys({ sshKeyIds: [] }, []).sshKeyIds).toMatch(/create or import one here/);
  });

  it("passes one chosen key that exists", () => {
    expect(validateKeys({ sshKeyIds: ["a"] }, [key("a"), key("b")])).toEqual({});
  });

  it("does not count a key deleted since it was chosen", () => {
    expect(validateKeys({ sshKeyIds: ["gone"] }, [key("a")])).toHaveProperty("sshKeyIds");
    expect(validateKeys({ sshKeyIds: ["gone", "a"] }, [key("a")])).toEqual({});
  });
});

describe("reconcileSelection", () => {
  it("pre-selects the only key (DEP-41)", () => {
    expect(reconcileSelection([], [key("a")])).toEqual(["a"]);
  });

  it("pre-selects nothing among several keys, or when none exist", () => {
    expect(reconcileSelection([], [key("a"), key("b")])).toBeNull();
    expect(reconcileSelection([], [])).toBeNull();
  });

  it("drops deleted keys, and then pre-selects the only one left", () => {
    expect(reconcileSelection(["a", "gone"], [key("a"), key("b")])).toEqual(["a"]);
    expect(reconcileSelection(["gone"], [key("a"), key("b")])).toEqual([]);
    expect(reconcileSelection(["gone"], [key("a")])).toEqual(["a"]);
  });

  it("leaves a valid selection alone", () => {
    expect(reconcileSelection(["a", "b"], [key("a"), key("b")])).toBeNull();
  });
});

describe("keyDetail", () => {
  it("names the type and fingerprint", () => {
    expect(keyDetail(key("a"))).toBe("ED25519 · SHA256:a");
    expect(keyDetail({ ...key("b"), public_key: "ecdsa-sha2-nistp384 AAAA", fingerprint: null })).toBe("ECDSA");
  });
});
