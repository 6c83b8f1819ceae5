# Production image: the app's own server (dist/server.mjs: the proxy on node:http, Next for the
# rest), the production build and the runtime dependencies only, run as a non-root user. Next's
# standalone output does not combine with a custom server, so `next` ships as a dependency.
# Build: docker build -t llm-playground .   Run: docker run -p 3000:3000 --env-file .env llm-playground
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && rm -rf .next/cache

FROM node:22-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production HOSTNAME=0.0.0.0 PORT=3000
RUN groupadd --system app && useradd --system --gid app --home /app app
COPY --from=build --chown=app:app /app/package.json ./package.json
COPY --from=build --chown=app:app /app/next.config.js ./next.config.js
COPY --from=build --chown=app:app /app/node_modules ./node_modules
COPY --from=build --chown=app:app /app/dist ./dist
COPY --from=build --chown=app:app /app/.next ./.next
USER app
EXPOSE 3000
CMD ["node", "dist/server.mjs"]
