package dev.alicia.presence.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.alicia.kit.api.Problem;
import dev.alicia.kit.api.ProblemException;
import dev.alicia.presence.client.model.Channel;

/**
 * A roster as CSV, the way workforce tools export it: one agent per line, with a header naming the columns
 * {@code agentId,displayName,team,languages,skills,channels,capacityProfile,strengths}; lists inside a cell are
 * separated by {@code |} and pairs by {@code :}, e.g. {@code fr:5|en:3}, {@code VOICE|CHAT}, {@code empathy:0.9}.
 */
final class RosterCsv {

    static final List<String> COLUMNS = List.of(
            "agentId", "displayName", "team", "languages", "skills", "channels", "capacityProfile", "strengths");

    record Rows(List<AgentRequest> agents, List<String> labels) {}

    private RosterCsv() {}

    static Rows parse(String csv) {
        List<AgentRequest> agents = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> lines = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            while (lines.hasNext()) {
                int line = lines.getCurrentLocation().getLineNr();
                Map<String, String> row = lines.next();
                String label = "line " + line;
                try {
                    agents.add(toRequest(row));
                    labels.add(label);
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(label, e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalidField("body", "is not CSV with a header line of " + COLUMNS);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalid(errors.size() + " error(s); nothing was imported", errors));
        }
        return new Rows(agents, labels);
    }

    private static AgentRequest toRequest(Map<String, String> row) {
        List<AgentRequest.LanguageFluency> languages = new ArrayList<>();
        pairs(row.get("languages"), "languages")
                .forEach((code, fluency) ->
                        languages.add(new AgentRequest.LanguageFluency(code, integer(fluency, "languages"))));
        List<AgentRequest.SkillLevel> skills = new ArrayList<>();
        pairs(row.get("skills"), "skills")
                .forEach((name, level) -> skills.add(new AgentRequest.SkillLevel(name, integer(level, "skills"))));
        Map<String, Double> strengths = new LinkedHashMap<>();
        pairs(row.get("strengths"), "strengths").forEach((name, value) -> strengths.put(name, decimal(value)));
        return new AgentRequest(
                blankToNull(row.get("agentId")),
                blankToNull(row.get("displayName")),
                blankToNull(row.get("team")),
                languages,
                skills,
                channels(row.get("channels")),
                blankToNull(row.get("capacityProfile")),
                strengths);
    }

    private static Map<String, String> pairs(String cell, String column) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (cell != null && !cell.isBlank()) {
            for (String item : cell.split("\\|")) {
                String[] pair = item.trim().split(":", 2);
                if (pair.length != 2) {
                    throw new IllegalArgumentException(column + ": '" + item + "' is not name:value");
                }
                pairs.put(pair[0].trim(), pair[1].trim());
            }
        }
        return pairs;
    }

    private static Set<Channel> channels(String cell) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (cell != null && !cell.isBlank()) {
            for (String item : cell.split("\\|")) {
                try {
                    channels.add(Channel.valueOf(item.trim()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "channels: '" + item.trim() + "' is not one of " + List.of(Channel.values()));
                }
            }
        }
        return channels;
    }

    private static int integer(String value, String column) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + value + "' is not a whole number");
        }
    }

    private static double decimal(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strengths: '" + value + "' is not a number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
