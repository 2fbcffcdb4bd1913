# Hongtu server + built client, configured by environment (see .env.example); docker-compose.yml runs it
# against Neo4j. The app runs TypeScript through tsx (as `npm start` does), so dev dependencies stay in.
FROM node:24-bookworm-slim

WORKDIR /app

# Dependencies first, so source edits do not reinstall them. ONNXRUNTIME_NODE_INSTALL=skip stops onnxruntime-node's
# optional download of the CUDA provider (the CPU runtime ships inside the npm package): npm 10 (Node 20, 22) runs
# every install script, while npm 11 reads package.json's allowScripts, which denies that one. The neural model is
# downloaded on first use into /data/models, or read from HONGTU_MODELS_DIR; without either, `auto`
# falls back to the offline lexical embedder.
COPY package.json package-lock.json .npmrc ./
RUN ONNXRUNTIME_NODE_INSTALL=skip npm ci && npm cache clean --force

COPY . .
RUN npm run build && mkdir -p /data && chown node:node /data

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    HONGTU_DATA_DIR=/data/kuzu \
    HONGTU_MODEL_CACHE=/data/models \
    HONGTU_CLIENT_DIR=/app/client/dist

USER node
EXPOSE 4000
VOLUME ["/data"]

# Healthy when ready: the store answers (GET /ready; /health is liveness only). A store that is not
# initialised or is damaged stops the server with a message naming `hongtu init` instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

CMD ["node_modules/.bin/tsx", "server/main.ts"]
