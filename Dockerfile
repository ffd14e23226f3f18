# tripcare for production: `web` and `worker` processes on Redis and PostgreSQL (see compose.yaml).
# Builds with BuildKit and with the classic builder alike (docker-compose 1.29 uses the classic one),
# so nothing here needs BuildKit (no RUN --mount, no COPY --link, no heredocs).
#
# .ci/image-install replays this build without Docker: it reads the final stage's `COPY <path> ./<path>`
# lines below, so they are the one list of what the image runs. Keep one folder (or file) per line.

ARG NODE_IMAGE=node:24-bookworm-slim

# --- deps: the production dependencies, from the manifest and the lock alone -------------------------
# Only these two files come in, so a code change never reinstalls them. --ignore-scripts: no install
# script of the production tree is needed at run time (.ci/image-install checks each of them):
#   - leveldown, msgpackr-extract, @swc/core: native, but prebuilt for linux-x64/arm64 (a prebuilds/
#     folder, or a per-platform optional package from the lock); their scripts only build from source
#     when no prebuilt binary fits;
#   - protobufjs (a version-scheme warning), core-js/core-js-pure (a banner): nothing to build;
#   - abort-controller-es5, p-defer-es5, markdown-it-attrs-es5 (and the esbuild they build with): their
#     scripts transpile lib/ for botframework-webchat's Node entry point, which tripcare never loads —
#     it serves Web Chat's prebuilt browser bundle from botframework-webchat/dist.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# --- runtime -----------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app

# Owned by root and read-only to the `node` user the processes run as: the app cannot rewrite its code.
COPY --from=deps /app/node_modules ./node_modules
# "type": "module" and the dependency list.
COPY package.json ./package.json
# The code (with the shipped policy, teams, SQL migrations and console pages), the channels,
# the conversation designs, every word the bot says, and the understanding model.
COPY src ./src
COPY adapters ./adapters
COPY flows ./flows
COPY locales ./locales
COPY models ./models
# Not in the image: corpus/ (only `train`, and `eval` on the frozen split, read it), test/, bench/.

# DATA_DIR for `tripcare start` in a container (embedded PGlite); web and worker never write to disk.
RUN mkdir data && chown node:node data
USER node
# V8 grows the young generation to 3 × 32 MB and keeps it: 8 MB semi-spaces hold RSS about 80 MB
# lower for a few per cent more minor GCs (as `npm start` runs it; see bench/startup.ts).
ENV NODE_OPTIONS=--max-semi-space-size=8
EXPOSE 3000
# /healthz: the process is alive (web and worker both serve it on PORT). /readyz would fail the
# container while Redis or PostgreSQL is away, which it rides out by itself.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "src/cli/main.ts"]
CMD ["web"]
