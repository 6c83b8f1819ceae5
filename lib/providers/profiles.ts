import type { ParamName } from "../params/catalog";
import { SERVER_PRESETS, type ServerPreset } from "./presets";
import { bounds, exactBounds, LOCAL_MAX_STOP_STRINGS, LOCAL_RANGES, RANGES } from "./ranges";

/**
 * The provider registry: one profile per provider, written from the providers' own pages
 * (`e2e/fixtures/provider-docs/`, summarised in its `providers.md`). The parameter panel, the request
 * validation, the proxy and the snippet generators all read these profiles.
 */
export const PROVIDER_IDS = ["local", "neyra", "horay", "avangenio", "netmind", "telnyx", "openai", "custom"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type Endpoint = "chat/completions" | "completions" | "models";

/** What a provider's page says of one parameter; a parameter absent from `params` is undocumented. */
export interface ParamSpec {
  min?: number;
  max?: number;
  /** min itself is refused (the local provider's top_p is in (0, 1]). */
  exclusiveMin?: boolean;
  default?: unknown;
  /** Most items in a list parameter (stop sequences). */
  maxItems?: number;
  /**
   * The values the page documents, where it lists them: the value itself for a choice parameter
   * (Telnyx's tool_choice), the `type` field for an object one (Telnyx's response_format).
   */
  options?: readonly string[];
  /** Where the page's own words differ from the wire name or contradict themselves. */
  note?: string;
}

export interface BaseUrlOption {
  url: string;
  note: string;
}

/**
 * A body field the page documents as holding a key (Telnyx's `openai_api_key`). Like the API key
 * it is typed into a masked field, kept in this tab's memory only, never stored, never in a share
 * link, shown masked in the raw request; snippets read it from `env`.
 */
export interface SecretField {
  name: string;
  env: string;
  note: string;
}

export interface ProviderProfile {
  id: ProviderId;
  name: string;
  /** Default base URL; "" for custom (the user types one) and for local (served by this app). */
  baseUrl: string;
  /** Other base URLs the provider's page names, to switch to when the default is wrong. */
  altBaseUrls: readonly BaseUrlOption[];
  auth: "bearer" | "none";
  /** Server env var holding the key; null where the server never holds one. */
  keyEnv: string | null;
  /** Server env var overriding the base URL; null where not configurable. */
  baseUrlEnv: string | null;
  /** Variable the provider's own examples read the key from (for snippets). */
  docsKeyVar: string | null;
  /** Endpoints the provider's page documents. */
  endpoints: readonly Endpoint[];
  /**
   * Endpoints the page does not document but OpenAI-compatible servers commonly answer, tried
   * anyway (the seed pages never mention `/models`: its 404 falls back to the page's models).
   */
  undocumentedEndpoints?: readonly Endpoint[];
  models: readonly string[];
  defaultModel: string;
  /** Roles the page documents. */
  roles: readonly string[];
  params: Readonly<Partial<Record<ParamName, ParamSpec>>>;
  secretFields?: readonly SecretField[];
  /** The provider's own warning about its compatibility, quoted from its page. */
  caveat?: string;
  /** Page the facts come from. */
  source: string;
  /** Base URL presets offered for `custom` (presets.ts). */
  presets?: readonly ServerPreset[];
}

/** Avangenio's parameter table types its sampling parameters "integer" next to ranges like -2.0..2.0. */
const AVANGENIO_INTEGER = 'the page types it "integer", yet its range and examples are decimals (e.g. 1.5): sent as a number';

const OPENAI_ROLES = ["system", "user", "assistant", "tool"] as const;

const HORAY_MODELS = [
  "meta-llama/Meta-Llama-3.1-405B-Instruct",
  "meta-llama/Meta-Llama-3.1-70B-Instruct",
  "meta-llama/Meta-Llama-3.1-8B-Instruct",
  "meta-llama/Llama-3.2-1B-Instruct",
  "meta-llama/Llama-3.2-3B-Instruct",
  "nvidia/Llama-3.1-Nemotron-70B-Instruct",
  "google/gemma-2-27b-it",
  "google/gemma-2-9b-it",
  "Qwen/Qwen2.5-72B-Instruct",
  "Qwen/Qwen2.5-Coder-32B-Instruct",
  "Qwen/Qwen2.5-7B-Instruct",
  "Qwen/Qwen2-72B-Instruct",
  "Gryphe/MythoMax-L2-13b",
  "gpt-4o-2024-11-20",
  "gpt-4o-2024-08-06",
  "gpt-4o-mini",
  "o1-preview",
  "o1-mini",
  "claude-3-5-sonnet-v2@20241022",
  "claude-3-5-sonnet@20240620",
] as const;

/** The model the built-in local provider serves (lib/local reads this too). */
export const LOCAL_MODEL_ID = "local-ngram";

const L = LOCAL_RANGES;
const everyParam: Partial<Record<ParamName, ParamSpec>> = {
  stream: { default: false },
  temperature: { ...exactBounds(L.temperature), default: 1 },
  top_p: { ...exactBounds(L.top_p), default: 1 },
  top_k: { ...exactBounds(L.top_k), default: -1 },
  min_p: { ...exactBounds(L.min_p), default: 0 },
  max_tokens: exactBounds(L.max_tokens),
  stop: { maxItems: LOCAL_MAX_STOP_STRINGS },
  n: { ...exactBounds(L.n), default: 1 },
  seed: {},
  frequency_penalty: { ...exactBounds(L.frequency_penalty), default: 0 },
  presence_penalty: { ...exactBounds(L.presence_penalty), default: 0 },
  repetition_penalty: { ...exactBounds(L.repetition_penalty), default: 1 },
  logit_bias: {},
  logprobs: { default: false },
  top_logprobs: exactBounds(L.top_logprobs),
  response_format: {},
  guided_json: {},
  guided_regex: {},
  guided_choice: {},
  use_beam_search: { default: false },
  best_of: exactBounds(L.best_of),
  length_penalty: { default: 1 },
  early_stopping: { default: false },
  tools: {},
  tool_choice: {},
};

export const PROFILES: Readonly<Record<ProviderId, ProviderProfile>> = {
  local: {
    id: "local",
    name: "Local (built-in)",
    baseUrl: "",
    altBaseUrls: [],
    auth: "none",
    keyEnv: null,
    baseUrlEnv: null,
    docsKeyVar: null,
    endpoints: ["chat/completions", "completions", "models"],
    models: [LOCAL_MODEL_ID],
    defaultModel: LOCAL_MODEL_ID,
    roles: OPENAI_ROLES,
    params: everyParam,
    source: "this app: lib/local",
  },
  neyra: {
    id: "neyra",
    name: "Neyra",
    baseUrl: "https://api.neyratech.com/api/v1",
    altBaseUrls: [
      { url: "https://api.neyratech.com/v1", note: "the page's endpoint line says POST https://api.neyratech.com/v1/chat/completions" },
    ],
    auth: "bearer",
    keyEnv: "NEYRA_API_KEY",
    baseUrlEnv: "NEYRA_BASE_URL",
    docsKeyVar: "NEYRA_API_KEY",
    endpoints: ["chat/completions"],
    undocumentedEndpoints: ["models"],
    models: ["neyra/1D"],
    defaultModel: "neyra/1D",
    roles: ["system", "user", "assistant"],
    params: {
      stream: {},
      stop: { maxItems: 10 },
      max_tokens: {},
      temperature: { min: 0, max: 2 },
      top_p: { min: 0, max: 1, note: "a probability mass: the page says 0.1 means the top 10%" },
    },
    source: "e2e/fixtures/provider-docs/000_cd4a72737f7da4a1.txt",
  },
  horay: {
    id: "horay",
    name: "Horay",
    baseUrl: "https://api.horay.ai/v1",
    altBaseUrls: [],
    auth: "bearer",
    keyEnv: "HORAY_API_KEY",
    baseUrlEnv: "HORAY_BASE_URL",
    docsKeyVar: null,
    endpoints: ["chat/completions"],
    undocumentedEndpoints: ["models"],
    models: HORAY_MODELS,
    defaultModel: "meta-llama/Meta-Llama-3.1-8B-Instruct",
    roles: ["user", "system", "assistant", "tool"],
    params: {
      stream: { default: false },
      max_tokens: { min: 1, max: 4096, default: 512 },
      stop: {},
      temperature: { default: 0.7 },
      top_p: { default: 0.7 },
      top_k: { default: 50 },
      frequency_penalty: { default: 0.5 },
      n: { default: 1 },
    },
    source: "e2e/fixtures/provider-docs/001_09a2e7a3845b603c.txt",
  },
  avangenio: {
    id: "avangenio",
    name: "Avangenio",
    baseUrl: "https://apigateway.avangenio.net",
    altBaseUrls: [{ url: "https://apigateway.avangenio.net/v1", note: "the page's parameter table says POST .../v1/chat/completions" }],
    auth: "bearer",
    keyEnv: "AVANGENIO_API_KEY",
    baseUrlEnv: "AVANGENIO_BASE_URL",
    docsKeyVar: null,
    endpoints: ["chat/completions"],
    undocumentedEndpoints: ["models"],
    models: ["spark", "radiance", "supernova"],
    defaultModel: "radiance",
    roles: ["system", "user", "assistant"],
    params: {
      stream: { default: false },
      max_tokens: { note: 'the page gives its default as "infinity": no limit unless set' },
      n: { default: 1 },
      stop: {},
      frequency_penalty: { min: -2, max: 2, default: 0, note: AVANGENIO_INTEGER },
      presence_penalty: { min: -2, max: 2, default: 0, note: `the page spells it precense_penalty; ${AVANGENIO_INTEGER}` },
      temperature: { min: 0, max: 2, default: 1, note: AVANGENIO_INTEGER },
      top_p: { default: 1, note: AVANGENIO_INTEGER },
    },
    source: "e2e/fixtures/provider-docs/002_523610732093837d.txt",
  },
  netmind: {
    id: "netmind",
    name: "Netmind",
    baseUrl: "https://inference-api.netmind.ai/inference-api/openai/v1",
    altBaseUrls: [],
    auth: "bearer",
    keyEnv: "NETMIND_API_KEY",
    baseUrlEnv: "NETMIND_BASE_URL",
    docsKeyVar: "API_KEY",
    endpoints: ["chat/completions", "completions"],
    undocumentedEndpoints: ["models"],
    models: ["meta-llama/Meta-Llama-3.1-8B-Instruct", "meta-llama/Meta-Llama-3.1-70B-Instruct"],
    defaultModel: "meta-llama/Meta-Llama-3.1-8B-Instruct",
    roles: ["system", "user", "assistant"],
    params: {
      max_tokens: {},
      stream: {},
      temperature: { min: 0, max: 2 },
      top_p: {},
      stop: { maxItems: 4 },
      n: {},
      presence_penalty: {},
      frequency_penalty: {},
      repetition_penalty: {},
      logit_bias: {},
    },
    caveat: "Please note that we are not yet 100% compatible with all OpenAI parameters.",
    source: "e2e/fixtures/provider-docs/003_51d6b7c4e3b507cf.txt",
  },
  telnyx: {
    id: "telnyx",
    name: "Telnyx",
    baseUrl: "https://api.telnyx.com/v2/ai",
    altBaseUrls: [],
    auth: "bearer",
    keyEnv: "TELNYX_API_KEY",
    baseUrlEnv: "TELNYX_BASE_URL",
    docsKeyVar: null,
    endpoints: ["chat/completions"],
    undocumentedEndpoints: ["models"],
    models: ["NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO", "mistralai/Mistral-7B-Instruct-v0.1"],
    defaultModel: "NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO",
    roles: ["system", "user", "assistant", "tool"],
    params: {
      stream: {},
      max_tokens: {},
      temperature: {},
      guided_json: {},
      guided_regex: {},
      guided_choice: {},
      response_format: { options: ["text", "json_object"] },
      min_p: { min: 0, max: 1 },
      n: {},
      tools: { note: "also Telnyx's own retrieval tool over storage buckets" },
      tool_choice: { options: ["none", "auto"] },
      use_beam_search: {},
      best_of: {},
      length_penalty: { default: 1 },
      early_stopping: {},
      logprobs: {},
      top_logprobs: { min: 0, max: 20 },
      frequency_penalty: { default: 0 },
      presence_penalty: { default: 0 },
      top_p: {},
    },
    secretFields: [
      {
        name: "openai_api_key",
        env: "OPENAI_API_KEY",
        note: 'the page: "If you are using OpenAI models using our API, this is how you pass along your OpenAI API key."',
      },
    ],
    source: "e2e/fixtures/provider-docs/004_00ce6cf8c44140ab.txt",
  },
  openai: {
    id: "openai",
    name: "OpenAI",
    baseUrl: "https://api.openai.com/v1",
    altBaseUrls: [],
    auth: "bearer",
    keyEnv: "OPENAI_API_KEY",
    baseUrlEnv: "OPENAI_BASE_URL",
    docsKeyVar: "OPENAI_API_KEY",
    endpoints: ["chat/completions", "completions", "models"],
    models: ["gpt-4o-mini", "gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-3.5-turbo-instruct"],
    defaultModel: "gpt-4o-mini",
    roles: OPENAI_ROLES,
    params: {
      stream: { default: false },
      temperature: { ...bounds(RANGES.temperature), default: 1 },
      top_p: { ...bounds(RANGES.top_p), default: 1 },
      max_tokens: bounds(RANGES.max_tokens),
      stop: { maxItems: 4 },
      n: { ...bounds(RANGES.n), default: 1 },
      seed: {},
      frequency_penalty: { ...bounds(RANGES.frequency_penalty), default: 0 },
      presence_penalty: { ...bounds(RANGES.presence_penalty), default: 0 },
      logit_bias: {},
      logprobs: { default: false },
      top_logprobs: bounds(RANGES.top_logprobs),
      response_format: {},
      tools: {},
      tool_choice: {},
    },
    source: "test/fixtures/openai/chat-schemas.json",
  },
  custom: {
    id: "custom",
    name: "Custom (OpenAI-compatible)",
    baseUrl: "",
    altBaseUrls: [],
    auth: "bearer",
    keyEnv: null,
    baseUrlEnv: null,
    docsKeyVar: "OPENAI_API_KEY",
    endpoints: ["chat/completions", "completions", "models"],
    models: [],
    defaultModel: "",
    roles: OPENAI_ROLES,
    params: {},
    source: "any OpenAI-compatible server",
    presets: SERVER_PRESETS,
  },
};
