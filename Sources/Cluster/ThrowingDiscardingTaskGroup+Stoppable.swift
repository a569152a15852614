extension ThrowingDiscardingTaskGroup<any Error> {
    /// Adds a task that runs until the group is cancelled at shutdown; its
    /// cancellation is the normal way to stop, not an error.
    public mutating func addStoppableTask(_ body: @escaping @Sendable () async throws -> Void) {
        addTask {
            do {
                try await body()
            } catch is CancellationError {
            } catch where Task.isCancelled {
                // Transports report shutdown in their own error types.
            }
        }
    }
}
