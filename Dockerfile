# One image for every service of the backbone; docker-compose.yml and deploy/kubernetes pick the
# service by its command (`node -r @swc-node/register -r ./apps/<service>/src/telemetry.ts
# apps/<service>/src/main.ts`). TypeScript runs through @swc-node/register, as in development.
FROM node:20.20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NODE_ENV=production
USER node
