import { describe, expect, it } from "vitest";
import { PROFILES } from "../providers";
import { roleWarning } from "./role-check";

// Roles as the pages list them (e2e/fixtures/provider-docs/): Neyra's example and Avangenio's and Netmind's
// parameter lists name system, user, assistant; Telnyx: "Possible values: [system, user, assistant, tool]".
describe("roles the provider does not document (issue 14 item 3)", () => {
  it.each(["neyra", "avangenio", "netmind"] as const)("%s warns for tool, not for system/user/assistant", (id) => {
    for (const role of ["system", "user", "assistant"]) expect(roleWarning(PROFILES[id], role)).toBeNull();
    expect(roleWarning(PROFILES[id], "tool")).toMatch(/documents the roles system, user, assistant; “tool” may be rejected/);
  });

  it("Telnyx documents tool", () => {
    expect(roleWarning(PROFILES.telnyx, "tool")).toBeNull();
    expect(PROFILES.telnyx.roles).toEqual(["system", "user", "assistant", "tool"]);
  });
});
