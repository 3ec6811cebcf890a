/*
 * kvm-hello: the smallest virtual machine monitor, on the real /dev/kvm.
 *
 * Modelled on the structure of Josh Triplett's "Using the KVM API" (LWN, 2015,
 * https://lwn.net/Articles/658511/); every ioctl and field as documented in the
 * kernel's Documentation/virt/kvm/api.rst. The guest is 19 bytes of 16-bit x86
 * in one page of memory; the monitor loops on KVM_RUN and handles each exit:
 * a port write becomes serial output, a port read gets an answer, a store to an
 * address no memory slot covers comes back as MMIO, and HLT ends the loop.
 *
 * Build and run (Linux, x86-64, with access to /dev/kvm):
 *   gcc -Wall -Wextra -O2 -o kvm-hello kvm-hello.c && ./kvm-hello
 *
 * The step names in the comments, like [run], match the lines of the
 * TypeScript monitor in lib/kvm-api/hello-vmm.ts that do the same thing.
 */
#include <err.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#define GUEST_ADDRESS 0x1000
#define SERIAL_DATA 0x3f8          /* COM1 transmit register */
#define SERIAL_LINE_STATUS 0x3fd   /* COM1 line status register */
#define LINE_STATUS_EMPTY 0x60     /* transmitter holding register and shift register empty */

int main(void)
{
    const uint8_t code[] = {
        0xba, 0xf8, 0x03, /* mov $0x3f8, %dx */
        0x00, 0xd8,       /* add %bl, %al    (al = 2 + 2) */
        0x04, '0',        /* add $'0', %al */
        0xee,             /* out %al, (%dx)  -> KVM_EXIT_IO, out */
        0xb0, '\n',       /* mov $'\n', %al */
        0xee,             /* out %al, (%dx)  -> KVM_EXIT_IO, out */
        0xba, 0xfd, 0x03, /* mov $0x3fd, %dx */
        0xec,             /* in (%dx), %al   -> KVM_EXIT_IO, in */
        0xa2, 0x00, 0x80, /* mov %al, 0x8000 -> KVM_EXIT_MMIO: no slot there */
        0xf4,             /* hlt             -> KVM_EXIT_HLT */
    };
    char serial[64];
    size_t serial_length = 0;

    int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);                      /* [open] */
    if (kvm == -1)
        err(1, "/dev/kvm");
    int version = ioctl(kvm, KVM_GET_API_VERSION, NULL);                 /* [api-version] */
    if (version != 12)
        errx(1, "KVM_GET_API_VERSION %d, expected 12", version);
    printf("KVM_GET_API_VERSION: %d\n", version);

    int vmfd = ioctl(kvm, KVM_CREATE_VM, (unsigned long)0);              /* [create-vm] */
    if (vmfd == -1)
        err(1, "KVM_CREATE_VM");

    uint8_t *mem = mmap(NULL, 0x1000, PROT_READ | PROT_WRITE,            /* [memory] */
                        MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        err(1, "allocating guest memory");
    memcpy(mem, code, sizeof code);                                      /* [load] */
    struct kvm_userspace_memory_region region = {
        .slot = 0,
        .flags = 0,
        .guest_phys_addr = GUEST_ADDRESS,
        .memory_size = 0x1000,
        .userspace_addr = (uint64_t)(uintptr_t)mem,
    };
    if (ioctl(vmfd, KVM_SET_USER_MEMORY_REGION, &region) == -1)          /* [set-region] */
        err(1, "KVM_SET_USER_MEMORY_REGION");

    int vcpufd = ioctl(vmfd, KVM_CREATE_VCPU, (unsigned long)0);         /* [create-vcpu] */
    if (vcpufd == -1)
        err(1, "KVM_CREATE_VCPU");
    int mmap_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, NULL);            /* [mmap-size] */
    if (mmap_size == -1)
        err(1, "KVM_GET_VCPU_MMAP_SIZE");
    if ((size_t)mmap_size < sizeof(struct kvm_run))
        errx(1, "KVM_GET_VCPU_MMAP_SIZE unexpectedly small");
    struct kvm_run *run = mmap(NULL, (size_t)mmap_size,                  /* [map-run] */
                               PROT_READ | PROT_WRITE, MAP_SHARED, vcpufd, 0);
    if (run == MAP_FAILED)
        err(1, "mmap vcpu");

    /* Real mode: code segment at 0, so that rip is the guest-physical address. */
    struct kvm_sregs sregs;
    if (ioctl(vcpufd, KVM_GET_SREGS, &sregs) == -1)
        err(1, "KVM_GET_SREGS");
    sregs.cs.base = 0;
    sregs.cs.selector = 0;
    if (ioctl(vcpufd, KVM_SET_SREGS, &sregs) == -1)
        err(1, "KVM_SET_SREGS");

    struct kvm_regs regs = {
        .rip = GUEST_ADDRESS,
        .rax = 2,
        .rbx = 2,
        .rflags = 0x2, /* bit 1 is always set on x86 */
    };
    if (ioctl(vcpufd, KVM_SET_REGS, &regs) == -1)                        /* [set-regs] */
        err(1, "KVM_SET_REGS");

    for (;;) {
        if (ioctl(vcpufd, KVM_RUN, NULL) == -1)                          /* [run] */
            err(1, "KVM_RUN");
        switch (run->exit_reason) {
        case KVM_EXIT_IO: {
            uint8_t *data = (uint8_t *)run + run->io.data_offset;
            if (run->io.direction == KVM_EXIT_IO_OUT && run->io.port == SERIAL_DATA &&
                run->io.size == 1 && run->io.count == 1) {
                printf("KVM_EXIT_IO: out port 0x%x size %u count %u data 0x%02x\n",
                       run->io.port, run->io.size, run->io.count, *data);
                if (serial_length < sizeof serial)
                    serial[serial_length++] = (char)*data;               /* [serial-out] */
            } else if (run->io.direction == KVM_EXIT_IO_IN && run->io.port == SERIAL_LINE_STATUS &&
                       run->io.size == 1 && run->io.count == 1) {
                *data = LINE_STATUS_EMPTY;                               /* [serial-in] */
                printf("KVM_EXIT_IO: in port 0x%x size %u count %u answer 0x%02x\n",
                       run->io.port, run->io.size, run->io.count, *data);
            } else {
                errx(1, "unhandled KVM_EXIT_IO: direction %u port 0x%x", run->io.direction, run->io.port);
            }
            break;
        }
        case KVM_EXIT_MMIO:
            printf("KVM_EXIT_MMIO: %s phys_addr 0x%llx len %u data 0x%02x\n", /* [mmio] */
                   run->mmio.is_write ? "write" : "read",
                   (unsigned long long)run->mmio.phys_addr, run->mmio.len, run->mmio.data[0]);
            if (!run->mmio.is_write)
                memset(run->mmio.data, 0xff, sizeof run->mmio.data); /* nothing there: reads as all ones */
            break;
        case KVM_EXIT_HLT:
            printf("KVM_EXIT_HLT\n");                                    /* [hlt] */
            printf("serial: \"");
            for (size_t i = 0; i < serial_length; i++) {
                if (serial[i] == '\n')
                    fputs("\\n", stdout);
                else
                    putchar(serial[i]);
            }
            printf("\"\n");
            return 0;
        case KVM_EXIT_SHUTDOWN:
            errx(1, "KVM_EXIT_SHUTDOWN");                                /* [shutdown] */
        case KVM_EXIT_INTERNAL_ERROR:
            errx(1, "KVM_EXIT_INTERNAL_ERROR: suberror %u", run->internal.suberror); /* [internal-error] */
        case KVM_EXIT_FAIL_ENTRY:
            errx(1, "KVM_EXIT_FAIL_ENTRY: hardware_entry_failure_reason 0x%llx",
                 (unsigned long long)run->fail_entry.hardware_entry_failure_reason);
        default:
            errx(1, "exit_reason %u", run->exit_reason);                 /* [other] */
        }
    }
}
