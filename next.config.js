/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate output folder per process lets a test build run beside `next dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // No `output: "standalone"`: it does not combine with the custom server (server/main.ts).
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
