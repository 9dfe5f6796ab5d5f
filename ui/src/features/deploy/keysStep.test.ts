import { describe, expect, it } from "vitest";
import { keyDetail, reconcileSelection, validateKeys } from "./keysStep";
import { keyOf } from "../../test/sshKeys";

describe("validateKeys (DEP-01)", () => {
  it("refuses no key at all", () => {
    expect(validateKeys({ sshKeyIds: [] }, [keyOf("a")]).sshKeyIds).toMatch(/^Choose at least one SSH key: /);
    expect(validateKeys({ sshKeyIds: [] }, []).sshKeyIds).toMatch(/create or import one here/);
  });

  it("passes one chosen key that exists", () => {
    expect(validateKeys({ sshKeyIds: ["a"] }, [keyOf("a"), keyOf("b")])).toEqual({});
  });

  it("does not count a key deleted since it was chosen", () => {
    expect(validateKeys({ sshKeyIds: ["gone"] }, [keyOf("a")])).toHaveProperty("sshKeyIds");
    expect(validateKeys({ sshKeyIds: ["gone", "a"] }, [keyOf("a")])).toEqual({});
  });
});

describe("reconcileSelection", () => {
  it("pre-selects the only key (DEP-41)", () => {
    expect(reconcileSelection([], [keyOf("a")])).toEqual(["a"]);
  });

  it("pre-selects nothing among several keys, or when none exist", () => {
    expect(reconcileSelection([], [keyOf("a"), keyOf("b")])).toBeNull();
    expect(reconcileSelection([], [])).toBeNull();
  });

  it("drops deleted keys, and then pre-selects the only one left", () => {
    expect(reconcileSelection(["a", "gone"], [keyOf("a"), keyOf("b")])).toEqual(["a"]);
    expect(reconcileSelection(["gone"], [keyOf("a"), keyOf("b")])).toEqual([]);
    expect(reconcileSelection(["gone"], [keyOf("a")])).toEqual(["a"]);
  });

  it("leaves a valid selection alone", () => {
    expect(reconcileSelection(["a", "b"], [keyOf("a"), keyOf("b")])).toBeNull();
  });
});

describe("keyDetail", () => {
  it("names the type and fingerprint", () => {
    expect(keyDetail(keyOf("a"))).toBe("ED25519 · SHA256:a");
    expect(keyDetail({ ...keyOf("b"), public_key: "ecdsa-sha2-nistp384 AAAA", fingerprint: null })).toBe("ECDSA");
  });
});
