/**
 * Guest memory as the device sees it: one byte array, little-endian fields.
 *
 * VIRTIO 1.2 §2.4 ("Virtqueues") and §1.4 ("Structure Specifications"): every field of a
 * virtqueue is little-endian (le16, le32, le64) for a device that offers VIRTIO_F_VERSION_1,
 * whatever the byte order of the guest or host. The driver and the device in this engine share
 * nothing but this memory, as a real driver and device do.
 */
export class GuestMemory {
  readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }

  get size(): number {
    return this.bytes.length;
  }

  /** Whether [address, address + length) lies inside guest memory. */
  contains(address: number, length: number): boolean {
    return Number.isSafeInteger(address) && address >= 0 && length >= 0 && address + length <= this.bytes.length;
  }

  readU8(address: number): number {
    return this.view.getUint8(address);
  }
  writeU8(address: number, value: number): void {
    this.view.setUint8(address, value);
  }
  readU16(address: number): number {
    return this.view.getUint16(address, true);
  }
  writeU16(address: number, value: number): void {
    this.view.setUint16(address, value & 0xffff, true);
  }
  readU32(address: number): number {
    return this.view.getUint32(address, true);
  }
  writeU32(address: number, value: number): void {
    this.view.setUint32(address, value >>> 0, true);
  }
  /** A le64 read as a number: guest addresses here stay far below 2^53. */
  readU64(address: number): number {
    return Number(this.view.getBigUint64(address, true));
  }
  writeU64(address: number, value: number): void {
    this.view.setBigUint64(address, BigInt(value), true);
  }

  read(address: number, length: number): Uint8Array {
    return this.bytes.slice(address, address + length);
  }
  write(address: number, data: Uint8Array): void {
    this.bytes.set(data, address);
  }
}
