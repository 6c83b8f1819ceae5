/** Questions users ask about the playground, with their answers; one paragraph per document. */
export const FAQ = `What is the playground? The playground is a web app to send requests to language models, see the answers stream in, and compare models and parameters side by side.

What is the local model? The local model is a small trigram model that runs inside the playground. It needs no key and no network, and it learns from its help pages and from your conversation.

Why does the local model repeat my words? The local model mixes the counts of your conversation into its own counts with a higher weight, so the words of your prompt become more likely in the answer.

What does temperature do? Temperature changes how random the answer is. A low temperature makes the answer more predictable, a high temperature makes it more surprising, and a temperature of 0 always takes the most likely token.

What is the difference between top p and top k? Top k keeps a fixed number of the most likely tokens, while top p keeps as many tokens as it takes to reach a total probability of top p.

What is min p? Min p keeps the tokens whose probability is at least min p times the probability of the best token, so the cut follows the confidence of the model.

Why is my answer cut off? The answer reached max tokens, and the finish reason is length. Raise max tokens to get a longer answer.

Why does my answer end early? The model reached a natural end or one of your stop strings, and the finish reason is stop. Remove the stop string or ban the end token with logit bias to get a longer answer.

How do I get the same answer every time? Set a seed and keep the rest of the request the same, or set the temperature to 0.

How do I find token ids for logit bias? Send the text to the tokenize endpoint of the local provider. It answers with the ids and the pieces of the text, and you can use the ids as keys of logit bias.

How do I get JSON from the model? Use guided json with a JSON schema, or the response format json schema, or the response format json object for any JSON object. The answer is then valid JSON every time, unless max tokens cuts it first.

How do I make the model choose from a list? Use guided choice with the list of strings. The answer is exactly one of them.

How do I make the answer match a pattern? Use guided regex with a regular expression. The whole answer matches it, from the first character to the last.

What is beam search good for? Beam search finds an answer with a high total probability instead of sampling one. It is useful when you want the most likely answer of several tokens, not only the most likely next token.

Can I use the local model with the OpenAI package? Yes. Create a client with the base URL of the playground followed by /api/local/v1 and any API key, and call chat completions with the model local-ngram.

Does the local model support streaming? Yes. Set stream to true, and the answer arrives as server-sent events, one token per chunk, with the finish reason on the last content chunk and data [DONE] at the end.

Where are my API keys stored? The keys of the providers live in environment variables on the server. The browser never sees them, and share links never contain them.

What happens when a provider returns an error? The proxy passes the error through as it came, with its status and its body, so you see exactly what the provider said.

What is a token? A token is a piece of text, often a word with the space before it, a number, or a punctuation mark. Models read and write tokens, and the usage of a request counts them.

How fast is the local model? Without a delay between tokens, the local model generates tens of thousands of tokens per second. In the playground it waits a few milliseconds between tokens so that you can watch the answer stream in.
`;
