# syntax=docker/dockerfile:1.7
#
# One Dockerfile for the five services, one final stage per service:
#
#   docker build --target gateway    -t deskpilot/gateway:0.1.0 .
#   docker build --target ingest     -t deskpilot/ingest:0.1.0 .
#   docker build --target retrieval  -t deskpilot/retrieval:0.1.0 .
#   docker build --target llm        -t deskpilot/llm:0.1.0 .
#   docker build --target whmcs-sync -t deskpilot/whmcs-sync:0.1.0 .
#
# The services share one lockfile, one set of libraries and one build, so the dependency and
# build stages are shared too: building all five images installs and compiles once, and the five
# images share their base and node_modules layers in the registry and on every node.

ARG NODE_IMAGE=node:22.22.0-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false NG_CLI_ANALYTICS=false

# Only the npm manifests: the install layers below are rebuilt when dependencies change, not on
# every source edit (this stage reruns, but its output stays byte-identical).
FROM base AS manifests
COPY . /src
RUN mkdir /manifests \
 && cd /src \
 && cp package.json package-lock.json /manifests/ \
 && find libs services tools launcher frontend -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

# hnswlib-node compiles a native addon at install time.
FROM base AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

FROM toolchain AS deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM toolchain AS prod-deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# Nx builds every service (and the libraries they share) once, and the console for the gateway.
# /out keeps only what runs: each project's package.json, compiled dist and run-time assets.
FROM deps AS build
COPY . .
RUN npx nx run-many -t build -p gateway,ingest,retrieval,llm,whmcs-sync,frontend \
 && for project in libs/* services/*; do \
      if [ -d "$project/dist" ]; then \
        mkdir -p "/out/$project" && cp -r "$project/package.json" "$project/dist" "/out/$project/"; \
      fi; \
      if [ -d "$project/assets" ]; then cp -r "$project/assets" "/out/$project/"; fi; \
    done \
 && find /out -name '*.tsbuildinfo' -delete

# Slim runtime: production dependencies only (the compiled addon comes along), no compiler, no
# sources, a non-root user. DATA_DIR is the only place a service writes.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production DATA_DIR=/var/lib/deskpilot
WORKDIR /app
RUN mkdir -p /var/lib/deskpilot && chown node:node /var/lib/deskpilot
COPY --from=prod-deps /app/package.json ./package.json
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /out/libs ./libs
USER node

FROM runtime AS gateway
COPY --from=build /out/services/gateway ./services/gateway
COPY --from=build /app/frontend/dist/browser ./console
ENV PORT=3000 CONSOLE_DIR=/app/console
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
USER node
CMD ["node", "services/gateway/dist/main.js"]

FROM runtime AS ingest
COPY --from=build /out/services/ingest ./services/ingest
ENV PORT=3001
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
USER node
CMD ["node", "services/ingest/dist/main.js"]

FROM runtime AS retrieval
COPY --from=build /out/services/retrieval ./services/retrieval
ENV PORT=3002
EXPOSE 3002
HEALTHCHECK --interval=15s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
USER node
CMD ["node", "services/retrieval/dist/main.js"]

FROM runtime AS llm
COPY --from=build /out/services/llm ./services/llm
ENV PORT=3003
EXPOSE 3003
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
USER node
CMD ["node", "services/llm/dist/main.js"]

FROM runtime AS whmcs-sync
COPY --from=build /out/services/whmcs-sync ./services/whmcs-sync
ENV PORT=3004
EXPOSE 3004
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
USER node
CMD ["node", "services/whmcs-sync/dist/main.js"]
