import java.io.*;
import java.nio.file.*;
import java.util.*;

/** Exhaustive evaluation of all 6480 full-domain transformations (own code, no ARX),
 *  using the metric formulas documented in METRICS.md. Reports per (metric,k,s) the best score,
 *  number of tied optimal nodes, and the tied nodes' levels. */
public class BruteForce {
    static final String DIR = "/work/shared/datasets/adult/";
    static final String[] QIS = {"sex","age","race","marital-status","education","native-country","workclass","occupation"};

    public static void main(String[] a) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(DIR + "adult.csv"));
        String[] header = lines.get(0).trim().split(";");
        int N = lines.size() - 1;
        int D = QIS.length;
        int[][] leafIdx = new int[D][N];
        int[][][] enc = new int[D][][]; // enc[d][leaf][level] = label id at level
        double[][] shareOfLabel = new double[D][]; // per label id (global per dim, labels distinct per level by (level,label))
        int[] height = new int[D], rowsH = new int[D];
        for (int d = 0; d < D; d++) {
            List<String> h = Files.readAllLines(Paths.get(DIR + "adult_hierarchy_" + QIS[d] + ".csv"));
            h.removeIf(String::isEmpty);
            rowsH[d] = h.size();
            String[][] m = new String[h.size()][];
            for (int i = 0; i < h.size(); i++) m[i] = h.get(i).split(";");
            height[d] = m[0].length - 1;
            Map<String,Integer> ids = new HashMap<>();
            Map<String,Integer> cnt = new HashMap<>();
            enc[d] = new int[m.length][m[0].length];
            for (int i = 0; i < m.length; i++) for (int L = 0; L < m[0].length; L++) {
                String key = L + "\u0001" + m[i][L];
                ids.putIfAbsent(key, ids.size()); cnt.merge(key, 1, Integer::sum);
                enc[d][i][L] = ids.get(key);
            }
            shareOfLabel[d] = new double[ids.size()];
            for (Map.Entry<String,Integer> e : ids.entrySet()) shareOfLabel[d][e.getValue()] = cnt.get(e.getKey()) / (double) m.length;
            Map<String,Integer> leaf = new HashMap<>();
            for (int i = 0; i < m.length; i++) leaf.put(m[i][0], i);
            int c = Arrays.asList(header).indexOf(QIS[d]);
            for (int r = 0; r < N; r++) leafIdx[d][r] = leaf.get(lines.get(r + 1).trim().split(";")[c]);
        }
        // pre-aggregate identical QI tuples
        Map<String,int[]> distinct = new LinkedHashMap<>();
        for (int r = 0; r < N; r++) {
            StringBuilder sb = new StringBuilder();
            for (int d = 0; d < D; d++) sb.append(leafIdx[d][r]).append(',');
            distinct.computeIfAbsent(sb.toString(), x -> new int[1])[0]++;
        }
        int U = distinct.size();
        int[][] tup = new int[U][D]; int[] w = new int[U];
        { int u = 0; for (Map.Entry<String,int[]> e : distinct.entrySet()) { String[] p = e.getKey().split(","); for (int d = 0; d < D; d++) tup[u][d] = Integer.parseInt(p[d]); w[u++] = e.getValue()[0]; } }
        int[] ks = {2,5,10,20,50,100}; double[] ss = {0.0, 0.05};
        String[] metrics = {"Loss","Precision","DM","DMStar","AECS"};
        double[][][] best = new double[metrics.length][ks.length][ss.length];
        for (double[][] x : best) for (double[] y : x) Arrays.fill(y, Double.POSITIVE_INFINITY);
        List<List<List<List<int[]>>>> ties = new ArrayList<>();
        for (int m = 0; m < metrics.length; m++) { List<List<List<int[]>>> l1 = new ArrayList<>(); for (int i = 0; i < ks.length; i++) { List<List<int[]>> l2 = new ArrayList<>(); for (int j = 0; j < ss.length; j++) l2.add(new ArrayList<>()); l1.add(l2);} ties.add(l1); }
        int[] lv = new int[D];
        int nodes = 1; for (int d = 0; d < D; d++) nodes *= (height[d] + 1);
        for (int n = 0; n < nodes; n++) {
            int x = n; for (int d = D - 1; d >= 0; d--) { lv[d] = x % (height[d] + 1); x /= (height[d] + 1); }
            HashMap<Long,int[]> cls = new HashMap<>();
            HashMap<Long,int[]> rep = new HashMap<>();
            for (int u = 0; u < U; u++) {
                long key = 0;
                for (int d = 0; d < D; d++) key = key * 131 + enc[d][tup[u][d]][lv[d]];
                int[] c = cls.get(key);
                if (c == null) { cls.put(key, new int[]{w[u]}); int[] r = new int[D]; for (int d = 0; d < D; d++) r[d] = enc[d][tup[u][d]][lv[d]]; rep.put(key, r); }
                else c[0] += w[u];
            }
            for (int ki = 0; ki < ks.length; ki++) {
                int k = ks[ki];
                int S = 0; int kept = 0; double dmKept = 0, dmAll = 0;
                double[] agg = new double[D];
                for (Map.Entry<Long,int[]> e : cls.entrySet()) {
                    int c = e.getValue()[0];
                    dmAll += (double) c * c;
                    if (c < k) { S += c; continue; }
                    kept++; dmKept += (double) c * c;
                    int[] r = rep.get(e.getKey());
                    for (int d = 0; d < D; d++) agg[d] += c * shareOfLabel[d][r[d]];
                }
                for (int si = 0; si < ss.length; si++) {
                    if (S > Math.floor(ss[si] * N)) continue;
                    double g = 1.0, prec = 0;
                    for (int d = 0; d < D; d++) {
                        double lo = (double) N / rowsH[d];
                        double v = Math.max(0, (agg[d] + S - lo) / (N - lo));
                        v = Math.floor(v * 1e10) / 1e10;
                        g *= Math.pow(v + 1, 1.0 / D);
                        prec += (((double)(N - S) * lv[d] / height[d] + S) / N) / D;
                    }
                    double[] vals = {g - 1, prec, dmKept + (double) N * S, dmAll, (double) N / (kept + (S > 0 ? 1 : 0))};
                    for (int m = 0; m < metrics.length; m++) {
                        double b = best[m][ki][si], v = vals[m];
                        double tol = Double.isInfinite(b) ? 0 : 1e-12 * Math.max(1, Math.abs(b));
                        List<int[]> t = ties.get(m).get(ki).get(si);
                        if (Double.isInfinite(b) || v < b - tol) { best[m][ki][si] = v; t.clear(); t.add(lv.clone()); }
                        else if (Math.abs(v - b) <= tol) t.add(lv.clone());
                    }
                }
            }
        }
        try (PrintWriter pw = new PrintWriter(new FileWriter("/tmp/arx/out/bruteforce.json"))) {
            pw.println("[");
            boolean first = true;
            for (int m = 0; m < metrics.length; m++) for (int si = 0; si < ss.length; si++) for (int ki = 0; ki < ks.length; ki++) {
                List<int[]> t = ties.get(m).get(ki).get(si);
                StringBuilder sb = new StringBuilder();
                sb.append(first ? "  " : ",\n  ").append("{\"metric\": \"").append(metrics[m]).append("\", \"k\": ").append(ks[ki]).append(", \"suppression\": ").append(ss[si])
                  .append(", \"best\": ").append(best[m][ki][si]).append(", \"n_optimal_nodes\": ").append(t.size()).append(", \"optimal_levels\": [");
                for (int i = 0; i < t.size(); i++) sb.append(i > 0 ? "," : "").append(Arrays.toString(t.get(i)));
                sb.append("]}");
                pw.print(sb); first = false;
            }
            pw.println("\n]");
        }
        System.out.println("nodes=" + nodes + " distinct tuples=" + U);
    }
}
