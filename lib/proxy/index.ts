export { forwardToProvider, type ForwardInput } from "./forward";
