#!/bin/sh
# Builds the CMS for production in the current folder: the steps of the Dockerfile, run as they are by
# deploiement/verifier-etapes.sh (CI) and by an operator deploying without containers. No secret needed:
# they are checked at start.
set -eu
echo "== Installation depuis le verrou (npm ci) =="
npm ci --no-audit --no-fund
echo "== Construction du serveur et du panneau d'administration (npm run build) =="
NODE_ENV=production npm run build
echo "== Commandes d'exploitation (import, données de démonstration) =="
npx tsc -p tsconfig.outils.json
echo "== Retrait des dépendances de développement (npm prune --omit=dev) =="
npm prune --omit=dev --no-audit --no-fund
