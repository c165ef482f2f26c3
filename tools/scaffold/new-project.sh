#!/usr/bin/env bash
# Scaffolds a TypeScript project (library, service or tool) with the workspace's standard targets.
# Usage: tools/scaffold/new-project.sh <dir> <name> <tag> [dep-lib ...]
set -euo pipefail
dir=$1 name=$2 tag=$3
shift 3
root=$(git rev-parse --show-toplevel)
rel=$(realpath --relative-to="$root/$dir" "$root")
mkdir -p "$root/$dir/src"
cd "$root/$dir"

refs=""
for dep in "$@"; do
  refs="$refs{ \"path\": \"$rel/libs/$dep/tsconfig.build.json\" },"
done
refs="[${refs%,}]"

cat > package.json <<JSON
{
  "name": "@deskpilot/$name",
  "version": "0.1.0",
  "private": true,
  "main": "dist/index.js",
  "types": "dist/index.d.ts"
}
JSON

cat > project.json <<JSON
{
  "name": "$name",
  "\$schema": "$rel/node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "tags": ["$tag"],
  "targets": {
    "build": {
      "command": "tsc -b $dir/tsconfig.build.json",
      "outputs": ["{projectRoot}/dist"]
    },
    "typecheck": { "command": "tsc -p $dir/tsconfig.json --noEmit" },
    "lint": { "command": "eslint $dir --max-warnings 0" },
    "format": { "command": "prettier --check $dir" },
    "check": { "executor": "nx:noop" },
    "test": { "command": "jest -c $dir/jest.config.js" }
  }
}
JSON

cat > tsconfig.json <<JSON
{
  "extends": "$rel/tsconfig.spec.json",
  "include": ["src/**/*.ts", "test/**/*.ts"]
}
JSON

cat > tsconfig.build.json <<JSON
{
  "extends": "$rel/tsconfig.base.json",
  "compilerOptions": {
    "composite": true,
    "rootDir": "src",
    "outDir": "dist",
    "tsBuildInfoFile": "dist/tsconfig.build.tsbuildinfo"
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts"],
  "references": $refs
}
JSON

cat > jest.config.js <<JS
module.exports = {
  ...require('$rel/jest.preset.js'),
  displayName: '$name',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
JS
echo "scaffolded $dir"
