# Production image of the CMS (README, « Production »). Its steps are deploiement/construire.sh, which
# CI runs on a fresh clone (deploiement/verifier-etapes.sh) where no container engine is available.
FROM node:20-bookworm-slim AS construction
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN sh deploiement/construire.sh && rm -rf .tmp .strapi .git tests

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=1337
WORKDIR /app
COPY --from=construction --chown=node:node /app /app
USER node
EXPOSE 1337
# Liveness; a load balancer should rather poll /_ready (database reachable, not shutting down).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 1337) + '/_health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Node itself is the process: SIGTERM reaches Strapi, which lets the requests in flight finish, then stops.
CMD ["node", "node_modules/@strapi/strapi/bin/strapi.js", "start"]
