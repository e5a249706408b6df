import type { NextConfig } from "next";

const config: NextConfig = {
  // Type checking runs in `pnpm typecheck` (tsc over the whole workspace), not in the build.
  typescript: { ignoreBuildErrors: true },
  transpilePackages: ["@chokepoint/engine", "@chokepoint/contracts", "@chokepoint/authoring"],
  poweredByHeader: false,
};

export default config;
