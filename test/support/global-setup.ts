// Placeholder: replaced by the harness that starts the provider emulator and a production server.
export default function setup(): void {}
