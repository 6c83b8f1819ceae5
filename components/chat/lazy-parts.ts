"use client";
import { lazy } from "react";

/**
 * The parts of a conversation only some messages have (reasoning, tool calls and their results,
 * images, logprob shading, the schema check), loaded on first use under a <Suspense>: the first load of `/` stays within its budget,
 * and a plain chat never downloads them.
 */
export const ReasoningGroup = lazy(() => import("./ReasoningGroup").then((m) => ({ default: m.ReasoningGroup })));
export const ToolCallList = lazy(() => import("./ToolCallList").then((m) => ({ default: m.ToolCallList })));
export const ToolResults = lazy(() => import("./ToolResults").then((m) => ({ default: m.ToolResults })));
export const MessageBefore = lazy(() => import("./MessageParts").then((m) => ({ default: m.MessageBefore })));
export const MessageAfter = lazy(() => import("./MessageParts").then((m) => ({ default: m.MessageAfter })));
export const LogprobText = lazy(() => import("./LogprobText").then((m) => ({ default: m.LogprobText })));
export const SchemaCheck = lazy(() => import("./SchemaCheck").then((m) => ({ default: m.SchemaCheck })));
