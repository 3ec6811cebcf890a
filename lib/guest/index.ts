/**
 * The lab VM engine (DOM-free): a v86 emulator running Debian bookworm's i386 kernel with a
 * BusyBox initramfs, driven over its serial console and a 9p share.
 *
 * Where things are in the guest:
 * - The shell runs on the first serial port, ttyS0 (`LabVM.run`, `sendInput`, `onOutput`).
 * - The 9p share (v86's `filesystem`, tag `host9p`) is mounted at /mnt/host
 *   (SHARE_MOUNT_POINT). `writeFile('a/b.txt', …)` on the host appears as /mnt/host/a/b.txt
 *   in the guest; a guest file /mnt/host/x is `readFile('x')`. `.lab/` in the share is the
 *   engine's own.
 * - hvc0 (virtio-console) and ttyS1 (a second 16550) are free for measurements: their bytes
 *   reach the host as the v86 bus events `virtio-console0-output-bytes` and `serial1-output-byte`.
 * - eth0 is the emulated NE2000 (RTL8029) card; it has no link to the outside world.
 *
 * Browser code creates the VM with `LabVM.start` and its own loaded files; Node code uses
 * `startNodeLabVM` from ./node.ts.
 */
export { LabVM } from './lab-vm.ts';
export type { LabVMStartOptions, RunResult, StartMode, TerminalSize, V86Constructor, V86Emulator, WasmSource } from './lab-vm.ts';
export { emulatorOptions, LAB_MACHINE } from './emulator-options.ts';
export type { EmulatorImage, EmulatorImages } from './emulator-options.ts';
export { GUEST_FILE_NAMES, manifestProblem, SHARE_MOUNT_POINT } from './manifest.ts';
export {
  guestDownloadWordings, guestLoadProblemWordings, guestStatusWordings, isBootingStatus, labVMProblemWordings,
  manifestProblemWordings, stopReasonWordings, waitTargetWordings,
} from './guest-wordings.ts';
export type {
  GuestDownload, GuestDownloadId, GuestLoadProblem, GuestStatus, LabVMProblem, ManifestProblem, StopReason, WaitTarget,
} from './guest-wordings.ts';
export { GuestLoadError, LabVMError, guestErrorMessage, labVMProblemOf, wordGuestError } from './guest-errors.ts';
export type { GuestErrorMessage } from './guest-errors.ts';
export type { GuestFile, GuestMachine, GuestManifest, GuestPackage } from './manifest.ts';
export { extractRunOutput, runMarkers, runWrapperScript } from './run-markers.ts';
export type { RunMarkers } from './run-markers.ts';
export { PromptQueryFilter } from './prompt-query-filter.ts';
export { decodeSerialText, SerialRecorder } from './serial-recorder.ts';
export { markStartup, STARTUP_MARK_PREFIX } from './startup-marks.ts';
