/** Background the playground's help links to: how language models and their APIs work. */
export const CONCEPTS = `A language model gives a probability to every possible next token, given the tokens before it. To write an answer, the model picks one token, adds it to the text, and asks for the next distribution again, until it reaches an end token or a limit.

Sampling is the way the next token is picked from the distribution. Greedy decoding always takes the most likely token. Random sampling draws a token in proportion to its probability. The sampling parameters change the distribution before the draw, so the same model can sound careful or playful.

The order of the sampling steps matters. The local model first adds the logit bias, then applies the repetition, frequency and presence penalties, then masks the tokens a constraint forbids, then divides by the temperature, then keeps the top k tokens, then the top p nucleus, then drops the tokens below min p, and finally draws one token with a seeded random generator.

A logit is the score of a token before it becomes a probability. The softmax function turns the logits into probabilities that add up to one. Adding a bias to a logit multiplies the probability of the token by the exponential of the bias, and dividing the logits by the temperature makes the distribution sharper or flatter.

The context of a model is the text it can see. For a chat model the context is the conversation: the system message, the user messages, the assistant messages and the tool results. For the local model the context of each step is the two tokens before it, plus the counts of the whole conversation.

An n-gram model predicts the next token from the last few tokens. A bigram model looks at one token, and a trigram model looks at two. When a pair of tokens was never seen, the model backs off to the shorter context, so it never gives a probability of zero.

Smoothing moves a little probability from the seen events to the unseen ones. Absolute discounting takes a fixed amount from every count and gives it to the shorter context. Kneser-Ney smoothing is a famous version of this idea, and it is still a strong baseline for small models.

A vocabulary is the list of tokens a tokenizer knows. A bigger vocabulary makes texts shorter in tokens, but every step of the model has to score more tokens. The local model keeps its vocabulary at about two thousand tokens, which is small enough for fast guided decoding and large enough for the frequent words of its help pages.

A streaming response sends the answer while it is written. The server keeps the connection open and writes one event per token. The client reads the events as they arrive and shows the text at once, which makes a slow model feel fast.

Server-sent events are a simple format for streaming. Each event is a line that starts with data, followed by a blank line. The OpenAI format sends one JSON chunk per event and ends the stream with data [DONE]. A client that stops reading can close the connection, and the server stops generating.

The time to first token is the time from the request to the first streamed token. It is what a user feels as the speed of a model. The throughput is the number of tokens per second after that. A fast model has a short time to first token and a high throughput.

A benchmark measures the speed of the local model without any delay between tokens. It reports the tokens per second for plain sampling, for guided json, and the time to the first streamed token, and it shows how these numbers grow with the size of the vocabulary and the length of the context.

A JSON schema can say that a value is an object with some properties, that a property is required, that a string has a pattern or a length, that a number has a minimum and a maximum, that an array has items of a given type, or that a value is one of a list of constants with enum.

A guided json answer for a schema with a name, an age and a list of tags could be {"name": "Grace", "age": 45, "tags": ["math", "code"]}. A guided json answer for a schema with a boolean could be {"valid": true}. A guided json answer for a list of numbers could be [1, 2, 3].

A regular expression for a date could be [0-9]{4}-[0-9]{2}-[0-9]{2}, and a guided regex answer for it could be 2024-05-17. A regular expression for an email could be [a-z]+@[a-z]+\\.com, and an answer could be ada@example.com.

A guided choice answer is one of the strings in the list. For the list positive, negative and neutral, the answer is one of these three words. Guided choice is useful for classification, where the answer must be one label from a fixed set.

The usage of a response counts the prompt tokens, the completion tokens and the total tokens. Providers bill by these counts. The local model counts the tokens of every message of the conversation as prompt tokens, and every generated token as a completion token.

The request id identifies one response. Chat completions have ids that start with chatcmpl, and legacy completions have ids that start with cmpl. The created field is the time of the response in seconds, and the model field names the model that answered.

A model that is asked for several choices answers each of them on its own. The choices of the same request share the prompt but not the random numbers, so they differ when the temperature is above zero, and they are the same when the temperature is zero.

Log probabilities are the natural logarithm of the probabilities. A log probability of zero means the model was certain, and a log probability of minus one means a probability of about thirty seven percent. Very unlikely tokens have large negative log probabilities.

The legacy completions endpoint is older than chat completions. It takes a plain prompt and returns plain text, with no roles. Some providers still serve it, and the playground supports it for them and for the local model.

A rate limit is the most requests or tokens a provider accepts per minute. When a request goes over it, the provider answers with status 429, and the client should wait and try again. The local model has no rate limit.

A timeout ends a request that takes too long. The playground waits for the first byte of a response for a few seconds and then shows a timeout error. A stream that stops sending tokens for too long is also ended with an error.
`;
