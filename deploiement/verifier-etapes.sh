#!/usr/bin/env bash
# Proves the production image's steps where no container engine runs (CI): a fresh clone of the
# committed tree in a scratch folder, built by deploiement/construire.sh exactly as the Dockerfile runs
# it, then started as the image starts it (production, pruned tree, secrets given at start only, a
# scratch PostgreSQL database) and checked from outside: start refused without secrets, /_health,
# /_ready, the admin panel, a content API read, then SIGTERM and a clean exit.
set -euo pipefail
racine=$(cd "$(dirname "$0")/.." && pwd)
travail=$(mktemp -d)
base="etapes_image_$$"
pid=""
nettoyer() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists --force "$base" 2>/dev/null || true
  rm -rf "$travail"
}
trap nettoyer EXIT

echo "== Clone de l'arbre validé dans $travail =="
git clone -q "$racine" "$travail/cms"
cd "$travail/cms"
sh deploiement/construire.sh

echo "== Arbre élagué : aucune dépendance de développement =="
for paquet in jest ts-jest autocannon supertest playwright-core; do
  if [ -d "node_modules/$paquet" ]; then echo "ÉCHEC : node_modules/$paquet est resté après npm prune"; exit 1; fi
done

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
createdb -h 127.0.0.1 -U postgres "$base"
commun=(NODE_ENV=production HOST=127.0.0.1 PORT="$port" DATABASE_CLIENT=postgres DATABASE_HOST=127.0.0.1 DATABASE_PORT=5432
  DATABASE_USERNAME=postgres DATABASE_NAME="$base" LOG_LEVEL=info)
demarrer() { env "${commun[@]}" "$@" node node_modules/@strapi/strapi/bin/strapi.js start; }

echo "== Démarrage sans secret : refusé, chaque secret nommé =="
if demarrer >"$travail/refus.log" 2>&1; then echo "ÉCHEC : démarrage accepté sans secret"; exit 1; fi
for nom in APP_KEYS ADMIN_JWT_SECRET API_TOKEN_SALT TRANSFER_TOKEN_SALT ENCRYPTION_KEY JWT_SECRET SMTP_HOST; do
  grep -q "$nom" "$travail/refus.log" || { echo "ÉCHEC : $nom absent du refus :"; cat "$travail/refus.log"; exit 1; }
done

echo "== Démarrage avec les secrets de cet essai =="
secret() { node -e 'console.log(require("crypto").randomBytes(24).toString("base64"))'; }
# env replaces itself with node: $! is the CMS's own process, which SIGTERM must reach.
env "${commun[@]}" APP_KEYS="$(secret),$(secret)" ADMIN_JWT_SECRET="$(secret)" API_TOKEN_SALT="$(secret)" TRANSFER_TOKEN_SALT="$(secret)" \
  ENCRYPTION_KEY="$(secret)" JWT_SECRET="$(secret)" SMTP_HOST=127.0.0.1 node node_modules/@strapi/strapi/bin/strapi.js start >"$travail/cms.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/_ready")" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { echo "ÉCHEC : le CMS s'est arrêté au démarrage :"; cat "$travail/cms.log"; exit 1; }
  sleep 1
done

verifier() { # verifier CHEMIN CODE [MOTIF]
  local code corps
  corps=$(curl -sg -w '\n%{http_code}' "$url$1" || true)
  code=${corps##*$'\n'}
  if [ "$code" != "$2" ] || { [ -n "${3:-}" ] && ! grep -q -- "$3" <<<"$corps"; }; then
    echo "ÉCHEC : $1 a répondu $code (attendu $2${3:+, contenant $3})"; tail -20 "$travail/cms.log"; exit 1
  fi
  echo "  $1 : $code"
}
verifier /_ready 200 '"pret":true'
verifier /_health 204
verifier /admin 200 '<div id="strapi"'
verifier '/api/thematiques?pagination[pageSize]=1' 200 '"total":40'
# Logs are JSON lines in production.
grep -q '^{.*"level":"info"' "$travail/cms.log" || { echo "ÉCHEC : journal non JSON en production"; head -5 "$travail/cms.log"; exit 1; }

echo "== Arrêt (SIGTERM) =="
kill -TERM "$pid"
if ! wait "$pid"; then echo "ÉCHEC : sortie en erreur après SIGTERM"; tail -20 "$travail/cms.log"; exit 1; fi
pid=""
echo "Étapes de l'image vérifiées : construction, élagage, démarrage, lectures et arrêt."
