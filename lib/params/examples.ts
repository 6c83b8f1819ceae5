import type { ParamName } from "./catalog";

/** Two function definitions in OpenAI's `tools` shape, the kind a parallel call answers. */
const TOOLS_EXAMPLE = [
  {
    type: "function",
    function: {
      name: "get_weather",
      description: "Current weather in a city.",
      parameters: {
        type: "object",
        properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
        required: ["city"],
        additionalProperties: false,
      },
    },
  },
  {
    type: "function",
    function: {
      name: "get_time",
      description: "Current local time in an IANA time zone.",
      parameters: { type: "object", properties: { timezone: { type: "string" } }, required: ["timezone"], additionalProperties: false },
    },
  },
];

/** Ready values for the parameters whose catalogue entry has `hasExample`; apart so the first load does not carry them. */
export const PARAM_EXAMPLES: Partial<Record<ParamName, unknown>> = { tools: TOOLS_EXAMPLE };
