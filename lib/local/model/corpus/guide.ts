/**
 * The playground's own help, written for the local model to learn from. Paragraphs are separated
 * by blank lines; each paragraph is one training document, so an answer is about one paragraph.
 */
export const GUIDE = `The playground is a place to try language models side by side. You pick a provider, pick a model, write a message, and press send. The answer streams in token by token, and the raw request and the raw response are always one click away.

A provider is a service that serves models over an API that speaks the OpenAI chat completions format. The playground knows several providers: Neyra, Horay, Avangenio, Netmind, Telnyx, OpenAI itself, any custom OpenAI compatible server, and the built-in local model that needs no key and no network.

The local provider runs inside the playground. It is a small n-gram model with a tokenizer of its own. It is trained when the server starts on the help pages you are reading now, and on the conversation you send it, so its answers take up the words of your prompt. It is not a large language model, but it is a real model: every token is sampled from a real next-token distribution.

To use the local model from code, point any OpenAI client at the base URL of the playground with the path /api/local/v1 and any API key. The model is called local-ngram. The endpoints are chat completions, the legacy completions endpoint with a prompt, the models list, and a tokenize endpoint that returns the ids and pieces of a text.

The chat completions endpoint takes a model and a list of messages. Each message has a role and some content. The roles are system, user, assistant and tool. The system message sets the behaviour of the assistant, the user message asks a question, and the assistant message is the answer of the model.

The legacy completions endpoint takes a prompt instead of messages. The model continues the prompt as plain text. The prompt can be a string, a list of strings, a list of token ids, or a list of lists of token ids. Each prompt gets its own choices in the response.

The models endpoint lists the models a provider serves. For the local provider the model object also tells the size of the vocabulary, the number of training tokens, and the number of training characters.

Streaming sends the answer as server-sent events while it is generated. Each event is a line that starts with data and holds one chunk of JSON. The first chunk carries the role of the assistant, the next chunks carry the content, the last content chunk carries the finish reason, and the stream ends with data [DONE].

When stream options include usage, the stream sends one more chunk before the end. That chunk has an empty list of choices and holds the usage: the number of prompt tokens, the number of completion tokens, and the total number of tokens.

The finish reason tells why the model stopped. It is stop when the model reached a natural end or a stop string, and it is length when the answer reached max tokens. A guided answer that is cut by max tokens also ends with length, so you can tell that it may be incomplete.

Temperature controls the randomness of sampling. A temperature of 0 always picks the most likely token, which is called greedy decoding. A temperature of 1 samples from the model as it is. A higher temperature flattens the distribution and makes rare tokens more likely. The range is from 0 to 2.

Top p is nucleus sampling. The model keeps the smallest set of tokens whose probability adds up to top p, and samples only from that set. A top p of 1 keeps every token. A small top p keeps only the few most likely tokens. The value must be greater than 0 and at most 1.

Top k keeps only the k most likely tokens. A top k of 1 is greedy decoding. A top k of 0 or -1 turns the filter off. Top k is not part of the OpenAI API, so clients send it as an extra body field.

Min p drops every token whose probability is less than min p times the probability of the most likely token. A min p of 0 keeps every token, and a min p of 1 keeps only the most likely tokens. Min p adapts to the shape of the distribution: when the model is sure, it keeps few tokens, and when the model is unsure, it keeps many.

The frequency penalty lowers the score of a token by how often it already appeared in the answer. The presence penalty lowers the score of a token once it has appeared at all. Both range from -2 to 2. A positive value makes the model repeat itself less, and a negative value makes it repeat itself more.

The repetition penalty divides the score of every token that was seen in the prompt or in the answer. A repetition penalty of 1 is off. A value above 1 makes the model repeat less, and a value below 1 makes it repeat more. The value must be greater than 0.

Logit bias is a map from token id to a bias from -100 to 100 that is added to the score of the token. A bias of -100 bans the token, and a bias of 100 makes the model pick it whenever it can. The token ids belong to the tokenizer of the model, so use the tokenize endpoint to find the ids of the words you want to bias.

The seed makes sampling repeatable. The same request with the same seed gives the same answer, streamed or not. Without a seed the model picks a random seed for every request. With n choices, each choice gets its own seed derived from the seed of the request.

Max tokens is the most tokens the model may generate for one choice. When the answer reaches max tokens, it stops and the finish reason is length. The local model allows up to 4096 tokens, and uses 256 when max tokens is not set.

Stop strings end the answer before them. You can send one string or a list of up to 16 strings. The answer never contains the stop string, even when the stop string spans several tokens or arrives in the middle of a stream, and the finish reason is stop.

The parameter n asks for several independent choices. Each choice has its own index, its own text, and its own finish reason. With streaming, the chunks of the choices are interleaved, and each chunk names the index of its choice.

Log probabilities show how sure the model was. With logprobs set to true, each token of the answer comes with its log probability and its bytes, and top logprobs asks for the most likely alternatives at each position, sorted from the most likely to the least likely. The legacy completions endpoint takes logprobs as a number from 0 to 5 and answers with tokens, token logprobs, top logprobs and text offsets.

Beam search keeps several candidate answers at once and extends each of them by its most likely tokens. At every step it keeps the best beams by their total log probability. Best of sets how many beams to keep, length penalty divides the score by the length raised to that power, and early stopping ends the search as soon as enough beams are complete. With n greater than 1, the best beams are returned as choices.

Guided decoding makes the answer follow a constraint every time. Guided choice makes the answer one of a list of strings. Guided regex makes the answer match a regular expression. Guided json makes the answer a JSON document that satisfies a JSON schema. The response format json schema does the same as guided json, and the response format json object asks for any JSON object.

Constrained decoding works by masking. At each step the model computes its distribution over the next token, then every token that cannot continue a valid prefix of the answer is removed, and the model samples from what is left with all the other parameters still applied. So temperature, top p, penalties and the seed still work with a constraint.

When a request is wrong, the API answers with an error in the OpenAI shape: an object with an error that has a message, a type, a param and a code. A body that is not JSON, a missing model, missing messages or a value of the wrong type is a bad request with status 400. A value out of range names the param in the error. An unknown model is not found, status 404.

The parameter panel shows every parameter the selected provider documents, with its range and its default. A parameter that the provider does not document is still available, but it is marked as not documented, and the playground shows whatever the provider answers.

Each parameter in the panel can be turned on or off. The request carries exactly the parameters you turned on, so the raw view of the request is honest. Turning a parameter off removes it from the request instead of sending a default value.

The compare view runs the same prompt against several providers or models at once. Each column has its own provider, model and parameters, and its own stream. You can see which model answers faster, which answer is longer, and how the same parameters change different models.

The snippet view turns the current request into code. It can write the request as curl, as Python with the OpenAI package, or as TypeScript with the OpenAI package. Parameters that are not part of the OpenAI API are sent as extra body fields, so the snippet works as it is.

The proxy of the playground forwards requests to the provider you selected. The API keys stay on the server, in environment variables, and never reach the browser. Errors from the provider pass through as they came, so you see what the provider really said.

The history keeps your past requests and answers in the browser. You can open an old request, change a parameter, and send it again. A share link encodes the request in the address, without the API key, so someone else can open the same request in their playground.

A token is a piece of text that the model reads and writes. A word is often one token, but a rare word can be several tokens, and a space before a word is usually part of the token. The tokenizer of the local model has a vocabulary of about two thousand tokens: the frequent words of its training text, every printable character, and a fallback for every other character, so any text can be written as tokens and read back exactly.

The local model is an interpolated trigram model with absolute discounting. It counts how often each token follows each pair of tokens in the training text, and mixes those counts with the counts of shorter contexts, so that it can always give a probability to every token. The counts of your conversation are mixed in with a higher weight, which is why the answer reuses the words of your prompt.

The speed of the local model is measured by a benchmark. With no delay between tokens it generates tens of thousands of tokens per second on one core, and the first token of a stream arrives in about a millisecond. The delay between streamed tokens is set with the environment variable LOCAL_MODEL_DELAY_MS, so you can see the answer stream in.

JSON is a format for data. A JSON document is an object, an array, a string, a number, true, false or null. An object is a list of keys and values between braces, and an array is a list of values between brackets. A string is text between double quotes. A JSON schema describes which JSON documents are valid.

A regular expression describes a set of strings. For example, the regular expression [0-9]+ matches a number, and the regular expression (yes|no) matches yes or no. With guided regex the whole answer must match the regular expression, from the first character to the last.

Here is a JSON object that a guided json request could return: {"name": "local-ngram", "provider": "local", "vocab_size": 2048, "streaming": true, "tags": ["fast", "small", "local"]}

Here is another JSON object: {"title": "Playground", "version": 1, "enabled": true, "temperature": 0.7, "top_p": 0.9, "models": ["local-ngram", "gpt-4o-mini"], "owner": null}

A JSON answer for a person could look like this: {"name": "Ada", "age": 36, "email": "ada@example.com", "languages": ["English", "French"], "active": true}

A JSON answer for a city could look like this: {"city": "Paris", "country": "France", "population": 2100000, "coordinates": {"lat": 48.85, "lon": 2.35}}

A list of items in JSON: [{"id": 1, "label": "first", "done": false}, {"id": 2, "label": "second", "done": true}, {"id": 3, "label": "third", "done": false}]

The answer to a yes or no question is yes or no. The answer to a question about a color could be red, green, blue, yellow or black. The answer to a question about a number could be one, two, three, four, five, or a number like 42.

Hello! I am the local model of the playground. I can answer questions about the playground, its parameters and its providers. I am small and fast, and I learn from the words of your prompt, so my answers are made of the words you give me and the words of my help pages.

Hi! How can I help you today? You can ask me about temperature, top p, top k, min p, penalties, logit bias, seeds, stop strings, log probabilities, beam search, guided decoding, streaming, or the providers of the playground.

Thank you for your question. The short answer is that the parameters change how the next token is chosen. The long answer is that each parameter changes the distribution of the next token in its own way, and the playground lets you see the effect of each one.

To get the same answer twice, set the seed and keep every other parameter the same. To get a different answer every time, leave the seed unset and use a temperature above 0. To get the most likely answer, set the temperature to 0.

To get a shorter answer, lower max tokens or add a stop string such as a newline. To get a longer answer, raise max tokens and give the model a prompt that invites a long answer. The local model often ends an answer at the end of a paragraph.

To compare two models, open the compare view, add a column for each model, and send the same prompt to both. To compare two settings of the same model, add two columns with the same model and different parameters.

An API key is a secret that identifies you to a provider. The playground reads the keys of the providers from environment variables on the server, such as NEYRA_API_KEY or OPENAI_API_KEY. The local provider needs no key, and any key works with it.

Neyra serves the model neyra/1D at its own base URL, and documents stream, stop, max tokens, temperature and top p. Horay serves many open models such as Llama, Gemma and Qwen, and documents top k and a default frequency penalty. Avangenio serves the models spark, radiance and supernova.

Netmind serves Llama models and also the legacy completions endpoint with a prompt. It documents the repetition penalty and logit bias. Telnyx documents min p, log probabilities, guided json, guided regex, guided choice, beam search and tools.

A custom provider is any server that speaks the OpenAI format, such as vLLM, Ollama, LM Studio or the llama.cpp server. You type its base URL, and the playground sends requests to it like to any other provider.

Tools let a model call functions. A tool has a name, a description and JSON schema parameters. The local model calls a tool when tools are given: it writes the arguments as JSON that follows the parameters schema, and the finish reason is tool calls. You run the function, send its result in a tool message, and the model answers with text. Tool choice none asks for text, required asks for a call, and a named function forces that call.

The system fingerprint names the configuration of the model that served the request. For the local model it changes when the corpus or the tokenizer changes, so the same seed with the same fingerprint gives the same answer.

A good prompt is clear and short. Say what you want, give an example of the answer you expect, and set the parameters that matter. For a creative answer, raise the temperature. For a precise answer, lower it, or use guided decoding to force the shape of the answer.
`;
