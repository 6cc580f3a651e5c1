import Foundation

/// Runs a job over items `0..<count` on several worker threads and hands the results to the
/// calling thread in item order, while the workers go on with later items.
///
/// Why not `concurrentPerform` per batch: a batch waits for its slowest file and the workers idle
/// while results are printed; with mixed file sizes that cost a third of the speed-up. Here
/// workers claim items one by one, and at most `window` results wait to be consumed, so memory
/// stays flat however many items there are.
public enum OrderedPipeline {
    /// - Parameters:
    ///   - work: called on a worker thread with the item index and the worker number (`0..<workers`),
    ///     so each worker can keep its own scratch state.
    ///   - consume: called on the calling thread, in index order.
    public static func run<Result>(count: Int, workers: Int, window: Int,
                                   work: @escaping (Int, Int) -> Result,
                                   consume: (Int, Result) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(workers, count))
        let state = State<Result>(window: max(window, workers))
        let group = DispatchGroup()
        for w in 0..<workers {
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async {
                while let i = state.claim(count: count) {
                    state.deliver(i, work(i, w))
                }
                group.leave()
            }
        }
        for i in 0..<count { consume(i, state.take(i)) }
        group.wait()
    }

    private final class State<Result>: @unchecked Sendable {
        let cond = NSCondition()
        let window: Int
        var ready: [Int: Result] = [:]
        var claimed = 0, consumed = 0
        init(window: Int) { self.window = window }

        func claim(count: Int) -> Int? {
            cond.lock(); defer { cond.unlock() }
            while claimed < count && claimed - consumed >= window { cond.wait() }
            guard claimed < count else { return nil }
            claimed += 1
            return claimed - 1
        }

        func deliver(_ i: Int, _ r: Result) {
            cond.lock(); ready[i] = r; cond.broadcast(); cond.unlock()
        }

        func take(_ i: Int) -> Result {
            cond.lock(); defer { cond.unlock() }
            while ready[i] == nil { cond.wait() }
            consumed = i + 1
            cond.broadcast()
            return ready.removeValue(forKey: i)!
        }
    }
}
