import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.*;

import org.deidentifier.arx.*;
import org.deidentifier.arx.ARXLattice.ARXNode;
import org.deidentifier.arx.AttributeType.Hierarchy;
import org.deidentifier.arx.aggregates.StatisticsEquivalenceClasses;
import org.deidentifier.arx.criteria.KAnonymity;
import org.deidentifier.arx.metric.Metric;

/** Reference runs of ARX on Adult for the sumi project. */
public class AdultReference {
    static final String DIR = "/work/shared/datasets/adult/";
    static final String[] QIS = {"sex","age","race","marital-status","education","native-country","workclass","occupation"};
    static final char[] CRLF = {'\r','\n'};
    static final char[] LF = {'\n'};

    static Data load() throws IOException {
        Data data = Data.create(new File(DIR + "adult.csv"), StandardCharsets.UTF_8, ';', '"', '"', CRLF);
        DataDefinition def = data.getDefinition();
        for (String qi : QIS) {
            Hierarchy h = Hierarchy.create(new File(DIR + "adult_hierarchy_" + qi + ".csv"), StandardCharsets.UTF_8, ';', '"', '"', LF);
            def.setAttributeType(qi, h);
        }
        def.setAttributeType("salary-class", AttributeType.INSENSITIVE_ATTRIBUTE);
        return data;
    }

    static Metric<?> metric(String name) {
        switch (name) {
            case "Loss": return Metric.createLossMetric();
            case "Precision": return Metric.createPrecisionMetric();
            case "DM": return Metric.createDiscernabilityMetric(false);
            case "DMStar": return Metric.createDiscernabilityMetric(true);
            case "AECS": return Metric.createAECSMetric();
        }
        throw new IllegalArgumentException(name);
    }

    static String q(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }
    static String num(double d) { return (Double.isNaN(d) || Double.isInfinite(d)) ? "null" : Double.toString(d); }

    public static void main(String[] args) throws Exception {
        int[] ks = {2, 5, 10, 20, 50, 100};
        double[] sups = {0.0, 0.05};
        String[] metrics = {"Loss", "Precision", "DM", "DMStar", "AECS"};
        if (args.length > 0) ks = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        if (args.length > 1) metrics = args[1].split(",");
        String commit = System.getProperty("arx.commit", "unknown");
        List<String> rows = new ArrayList<>();
        rows.add("{\"header\": true, \"tool\": \"ARX (library compiled from source with javac)\", \"arx_commit\": " + q(commit)
                + ", \"java_version\": " + q(System.getProperty("java.version") + " " + System.getProperty("java.vm.name"))
                + ", \"dataset\": " + q(DIR + "adult.csv") + ", \"qis\": [" + String.join(",", Arrays.stream(QIS).map(AdultReference::q).toArray(String[]::new)) + "]"
                + ", \"notes\": " + q("Default ARXConfiguration: algorithm OPTIMAL (Flash; lattice 6480 nodes < heuristic threshold 100000), heuristicSearchEnabled=false, practicalMonotonicity=false, record suppression (suppressionAlwaysEnabled=true), absolute suppression limit = floor(limit*N), metrics with default gsFactor=0.5 (gFactor=sFactor=1), equal attribute weights; Loss aggregates with geometric mean, Precision with arithmetic mean. Warm-up run excluded; runtime_ms = ARXResult.getTime() (anonymize wall time). Scores from ARXNode.getHighestScore()/getLowestScore() of result.getGlobalOptimum().")
                + "}");
        // warm-up (JIT)
        { Data d = load(); ARXConfiguration c = ARXConfiguration.create(); c.addPrivacyModel(new KAnonymity(5)); c.setSuppressionLimit(0.05); c.setQualityModel(Metric.createLossMetric()); new ARXAnonymizer().anonymize(d, c); }

        for (String mname : metrics) for (double sup : sups) for (int k : ks) {
            Data data = load();
            ARXConfiguration config = ARXConfiguration.create();
            config.addPrivacyModel(new KAnonymity(k));
            config.setSuppressionLimit(sup);
            config.setQualityModel(metric(mname));
            ARXAnonymizer anon = new ARXAnonymizer();
            long t0 = System.nanoTime();
            ARXResult result = anon.anonymize(data, config);
            long wall = (System.nanoTime() - t0) / 1_000_000L;
            ARXNode opt = result.getGlobalOptimum();
            StringBuilder sb = new StringBuilder();
            sb.append("{\"k\": ").append(k).append(", \"suppression\": ").append(sup).append(", \"metric\": ").append(q(mname));
            sb.append(", \"arx_metric\": ").append(q(String.valueOf(config.getQualityModel())));
            if (opt == null) {
                sb.append(", \"levels\": null, \"optimum_found\": false}");
                rows.add(sb.toString());
                System.err.println(mname + " k=" + k + " s=" + sup + " NO OPTIMUM");
                continue;
            }
            sb.append(", \"levels\": {");
            for (int i = 0; i < QIS.length; i++) sb.append(i > 0 ? ", " : "").append(q(QIS[i])).append(": ").append(opt.getGeneralization(QIS[i]));
            sb.append("}");
            String hi = String.valueOf(opt.getHighestScore()), lo = String.valueOf(opt.getLowestScore());
            sb.append(", \"arx_score_highest\": ").append(q(hi)).append(", \"arx_score_lowest\": ").append(q(lo));
            sb.append(", \"arx_score_highest_double\": ").append(num(Double.parseDouble(hi)));
            sb.append(", \"arx_score_lowest_double\": ").append(num(Double.parseDouble(lo)));
            DataHandle out = result.getOutput(opt, false);
            int n = out.getNumRows();
            int outliers = 0, allStar = 0;
            int[] qiCols = new int[QIS.length];
            for (int i = 0; i < QIS.length; i++) qiCols[i] = out.getColumnIndexOf(QIS[i]);
            Map<String,Integer> classes = new HashMap<>();
            for (int r = 0; r < n; r++) {
                if (out.isOutlier(r)) outliers++;
                boolean star = true; StringBuilder key = new StringBuilder();
                for (int c : qiCols) { String v = out.getValue(r, c); if (!"*".equals(v)) star = false; key.append(v).append('\u0001'); }
                if (star) allStar++;
                if (!out.isOutlier(r)) classes.merge(key.toString(), 1, Integer::sum);
            }
            int minClass = classes.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            StatisticsEquivalenceClasses ec = out.getStatistics().getEquivalenceClassStatistics();
            sb.append(", \"suppressed_rows\": ").append(outliers);
            sb.append(", \"all_qi_star_rows\": ").append(allStar);
            sb.append(", \"classes\": ").append(classes.size());
            sb.append(", \"min_class\": ").append(minClass);
            sb.append(", \"arx_stats\": {\"classes\": ").append(ec.getNumberOfEquivalenceClasses())
              .append(", \"min_class\": ").append(ec.getMinimalEquivalenceClassSize())
              .append(", \"max_class\": ").append(ec.getMaximalEquivalenceClassSize())
              .append(", \"avg_class\": ").append(num(ec.getAverageEquivalenceClassSize()))
              .append(", \"suppressed\": ").append(ec.getNumberOfSuppressedRecords())
              .append(", \"records\": ").append(ec.getNumberOfRecords()).append("}");
            sb.append(", \"runtime_ms\": ").append(result.getTime());
            sb.append(", \"wall_ms\": ").append(wall);
            sb.append(", \"checked_nodes\": ").append(countChecked(result));
            sb.append("}");
            rows.add(sb.toString());
            System.err.println(sb);
            if (mname.equals("Loss") && k == 5 && sup == 0.05) {
                out.save(new File("/tmp/arx/out/adult_k5_s5_loss.csv"), ';');
            }
            data.getHandle().release();
        }
        try (PrintWriter pw = new PrintWriter(new FileWriter(System.getProperty("out", "/tmp/arx/out/adult-arx.json")))) {
            pw.println("[");
            for (int i = 0; i < rows.size(); i++) pw.println("  " + rows.get(i) + (i + 1 < rows.size() ? "," : ""));
            pw.println("]");
        }
    }

    static int countChecked(ARXResult r) {
        int c = 0;
        for (ARXNode[] level : r.getLattice().getLevels()) for (ARXNode nd : level) if (nd.isChecked()) c++;
        return c;
    }
}
