import Foundation

/// Runs a job over items `0..<count` on several worker threads and hands the results to the
/// calling thread in item order, while the workers go on with later items.
///
/// Why not `concurrentPerform` per batch: a batch waits for its slowest file and the workers idle
/// while results are printed; with mixed file sizes that cost a third of the speed-up. Here
/// workers claim items one by one, and at most `window` results, of total `cost` at most
/// `budget`, wait to be consumed, so memory stays flat however many items there are. An item
/// is always claimable when nothing else is waiting, however costly.
public enum OrderedPipeline {
    /// - Parameters:
    ///   - work: called on a worker thread with the item index and the worker number (`0..<workers`),
    ///     so each worker can keep its own scratch state.
    ///   - cost: an estimate of the memory an item's result holds (for files: their size), so a
    ///     window of small files can be long and one of large files short.
    ///   - consume: called on the calling thread, in index order.
    public static func run<Result>(count: Int, workers: Int, window: Int,
                                   budget: Int = .max, cost: @escaping (Int) -> Int = { _ in 0 },
                                   work: @escaping (Int, Int) -> Result,
                                   consume: (Int, Result) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(workers, count))
        let state = State<Result>(window: max(window, workers), budget: budget, cost: cost)
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
        let window: Int, budget: Int
        let cost: (Int) -> Int
        var ready: [Int: Result] = [:]
        var costs: [Int: Int] = [:]
        var claimed = 0, consumed = 0, held = 0
        init(window: Int, budget: Int, cost: @escaping (Int) -> Int) {
            self.window = window
            self.budget = budget
            self.cost = cost
        }

        func claim(count: Int) -> Int? {
            cond.lock(); defer { cond.unlock() }
            while claimed < count {
                let c = costs[claimed] ?? cost(claimed)
                costs[claimed] = c
                let waiting = claimed - consumed
                if waiting == 0 || (waiting < window && held + c <= budget) {
                    held += c
                    claimed += 1
                    return claimed - 1
                }
                cond.wait()
            }
            return nil
        }

        func deliver(_ i: Int, _ r: Result) {
            cond.lock(); ready[i] = r; cond.broadcast(); cond.unlock()
        }

        func take(_ i: Int) -> Result {
            cond.lock(); defer { cond.unlock() }
            while ready[i] == nil { cond.wait() }
            consumed = i + 1
            held -= costs.removeValue(forKey: i) ?? 0
            cond.broadcast()
            return ready.removeValue(forKey: i)!
        }
    }
}
