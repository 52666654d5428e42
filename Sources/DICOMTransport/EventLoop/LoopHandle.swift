import CLibUV

/// An object that owns one libuv handle. The handle's `data` holds a +1 reference to the owner
/// from `LoopHandle.open` until libuv calls the close callback, so the owner outlives every
/// callback libuv can still make (with an unretained reference, the owner was freed while libuv
/// held the handle and the next callback crashed: libuv-swift.md).
protocol LoopHandleOwner: AnyObject {
    /// Called on the loop thread once the handle is closed and its memory about to be freed.
    /// `handle` tells which one when an owner replaces its handle (a timer re-armed while its
    /// previous handle was closing). Must not throw or trap: it runs inside a C callback.
    func handleDidClose(_ handle: UnsafeMutableRawPointer)
}

/// Allocation, ownership and closing of libuv handles (libuv frees nothing itself: a handle's
/// memory may be reused only after its close callback).
enum LoopHandle {
    /// Allocates a handle of `type`, runs `initialize` (e.g. `uv_tcp_init`) on it and, when that
    /// succeeds, stores a retained reference to `owner` in its `data`. Returns the libuv status
    /// on failure (the memory is then already freed).
    static func open(
        _ type: uv_handle_type, owner: some LoopHandleOwner,
        initialize: (UnsafeMutableRawPointer) -> Int32
    ) -> Result<UnsafeMutableRawPointer, LibUVStatus> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: uv_handle_size(type), alignment: 16)
        let status = initialize(raw)
        guard status == 0 else {
            raw.deallocate()
            return .failure(LibUVStatus(status))
        }
        uv_handle_set_data(raw.assumingMemoryBound(to: uv_handle_t.self),
                           Unmanaged.passRetained(owner as AnyObject).toOpaque())
        return .success(raw)
    }

    /// Starts closing `handle` unless it is already closing; the owner hears `handleDidClose`.
    static func close(_ handle: UnsafeMutableRawPointer) {
        let h = handle.assumingMemoryBound(to: uv_handle_t.self)
        guard uv_is_closing(h) == 0 else { return }
        uv_close(h, closeCallback)
    }

    /// The owner stored in a handle's `data`, without changing its retain count.
    static func owner<Owner: AnyObject>(
        of handle: UnsafeMutableRawPointer, as type: Owner.Type
    ) -> Owner {
        let h = handle.assumingMemoryBound(to: uv_handle_t.self)
        let object = Unmanaged<AnyObject>.fromOpaque(uv_handle_get_data(h)!).takeUnretainedValue()
        return unsafeDowncast(object, to: Owner.self)
    }
}

/// Releases the owner's +1 and frees the handle's memory: the only place either happens.
private let closeCallback: uv_close_cb = { handle in
    guard let handle else { return }
    let owner = Unmanaged<AnyObject>.fromOpaque(uv_handle_get_data(handle)!).takeRetainedValue()
    (owner as? any LoopHandleOwner)?.handleDidClose(UnsafeMutableRawPointer(handle))
    UnsafeMutableRawPointer(handle).deallocate()
}
