package dev.alicia.context.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.alicia.context.client.model.Emotion;
import dev.alicia.context.client.model.Register;

/**
 * The words that carry feelings and register, in French and English. Entries are written without accents and in
 * lower case, as {@link #normalize} leaves the text; a trailing {@code *} matches any ending (énerv* → énervé,
 * énervée, énervant). Multi-word entries match consecutive words.
 */
final class Lexicon {

    private Lexicon() {}

    static final Map<String, Map<Emotion, List<String>>> CUES = Map.of(
            "fr",
            Map.of(
                    Emotion.ANGER,
                    List.of(
                            "furieux",
                            "furieuse",
                            "enerv*",
                            "en colere",
                            "colere",
                            "inadmissible",
                            "inacceptable",
                            "scandal*",
                            "honteux",
                            "marre",
                            "ras le bol",
                            "ras-le-bol",
                            "insupportable",
                            "n'importe quoi",
                            "foutez",
                            "foutre",
                            "arnaque*",
                            "voleurs",
                            "incompetent*",
                            "exasper*",
                            "rage",
                            "degout*"),
                    Emotion.FEAR,
                    List.of(
                            "peur",
                            "panique*",
                            "inquiet*",
                            "angoiss*",
                            "stress*",
                            "affole*",
                            "urgent",
                            "vite",
                            "catastrophe",
                            "vole",
                            "volee",
                            "perdu tout",
                            "aidez-moi",
                            "aidez moi",
                            "au secours",
                            "terrifi*",
                            "paniqu*",
                            "je ne sais plus quoi faire",
                            "inquiete"),
                    Emotion.DISSATISFACTION,
                    List.of(
                            "decu*",
                            "decevant",
                            "mecontent*",
                            "insatisfait*",
                            "pas normal",
                            "toujours pas",
                            "encore une fois",
                            "trop long",
                            "attendu",
                            "attends depuis",
                            "lent*",
                            "pas terrible",
                            "dommage",
                            "pas regle",
                            "rien ne marche",
                            "ne fonctionne pas",
                            "ca ne marche pas",
                            "plainte",
                            "reclamation",
                            "relance*"),
                    Emotion.SHAME,
                    List.of(
                            "honte",
                            "gene",
                            "genee",
                            "embarrass*",
                            "idiot",
                            "idiote",
                            "bete",
                            "stupide",
                            "desole de vous deranger",
                            "je suis nul",
                            "je suis nulle",
                            "confus",
                            "confuse",
                            "pardon de",
                            "humili*"),
                    Emotion.POSITIVE,
                    List.of(
                            "merci beaucoup",
                            "parfait",
                            "genial",
                            "super",
                            "content",
                            "contente",
                            "ravi",
                            "ravie",
                            "satisfait",
                            "satisfaite",
                            "excellent*",
                            "top",
                            "formidable",
                            "soulag*",
                            "bravo",
                            "efficace",
                            "rassur*")),
            "en",
            Map.of(
                    Emotion.ANGER,
                    List.of(
                            "furious",
                            "angry",
                            "mad",
                            "outrag*",
                            "unacceptable",
                            "ridiculous",
                            "disgrac*",
                            "fed up",
                            "sick of",
                            "scam*",
                            "thieves",
                            "incompetent",
                            "pissed",
                            "infuriat*",
                            "livid",
                            "rubbish",
                            "joke",
                            "how dare",
                            "annoy*",
                            "irritat*"),
                    Emotion.FEAR,
                    List.of(
                            "scared",
                            "afraid",
                            "panic*",
                            "worried",
                            "worry*",
                            "anxious",
                            "stress*",
                            "frighten*",
                            "terrified",
                            "urgent*",
                            "help me",
                            "stolen",
                            "emergency",
                            "freaking out",
                            "nervous",
                            "desperate"),
                    Emotion.DISSATISFACTION,
                    List.of(
                            "disappoint*",
                            "unhappy",
                            "dissatisfied",
                            "not satisfied",
                            "still not",
                            "still waiting",
                            "again",
                            "too long",
                            "slow",
                            "poor service",
                            "doesn't work",
                            "does not work",
                            "not working",
                            "complaint",
                            "useless",
                            "waste of time",
                            "unresolved",
                            "frustrat*"),
                    Emotion.SHAME,
                    List.of(
                            "embarrass*",
                            "ashamed",
                            "shame",
                            "stupid of me",
                            "feel stupid",
                            "feel silly",
                            "feel dumb",
                            "my fault",
                            "silly question",
                            "sorry to bother",
                            "humiliat*",
                            "awkward",
                            "foolish"),
                    Emotion.POSITIVE,
                    List.of(
                            "thank you so much",
                            "thanks a lot",
                            "great",
                            "perfect",
                            "excellent",
                            "happy",
                            "glad",
                            "awesome",
                            "wonderful",
                            "relieved",
                            "appreciate*",
                            "satisfied",
                            "brilliant",
                            "helpful",
                            "fantastic",
                            "love")));

    /** Words that turn the next feeling around: "pas content" is dissatisfied, "not angry" is not anger. */
    static final Map<String, Set<String>> NEGATIONS = Map.of(
            "fr", Set.of("pas", "plus", "jamais", "aucun", "aucune", "ni", "sans", "guere"),
            "en",
                    Set.of(
                            "not", "no", "never", "isn't", "wasn't", "aren't", "don't", "didn't", "doesn't", "hardly",
                            "without", "nor", "can't", "cannot", "won't"));

    static final Map<String, Set<String>> INTENSIFIERS = Map.of(
            "fr", Set.of("tres", "vraiment", "tellement", "trop", "completement", "totalement", "absolument", "si"),
            "en", Set.of("very", "really", "so", "extremely", "totally", "completely", "absolutely", "incredibly"));

    static final Map<String, Map<Register, List<String>>> REGISTER = Map.of(
            "fr",
            Map.of(
                    Register.FORMAL,
                    List.of(
                            "vous",
                            "votre",
                            "vos",
                            "madame",
                            "monsieur",
                            "je vous prie",
                            "veuillez",
                            "cordialement",
                            "pourriez",
                            "auriez",
                            "bonjour madame",
                            "bonjour monsieur"),
                    Register.INFORMAL,
                    List.of(
                            "tu", "ton", "ta", "tes", "toi", "t'es", "t'as", "salut", "stp", "wesh", "coucou", "bcp",
                            "mdr", "tkt", "ouais", "j'te", "peux tu")),
            "en",
            Map.of(
                    Register.FORMAL,
                    List.of(
                            "dear",
                            "sir",
                            "madam",
                            "kindly",
                            "would you",
                            "could you please",
                            "i would like",
                            "regards",
                            "sincerely",
                            "i would be grateful",
                            "please advise",
                            "good morning",
                            "good afternoon"),
                    Register.INFORMAL,
                    List.of(
                            "hey", "hiya", "yo", "gonna", "wanna", "thx", "pls", "plz", "lol", "u", "ur", "dude",
                            "mate", "cheers", "omg", "ya", "gotta")));

    static final Map<String, Set<String>> STOPWORDS = Map.of(
            "fr",
                    Set.of(
                            "le", "la", "les", "de", "des", "du", "je", "j'ai", "est", "et", "un", "une", "ma", "mon",
                            "pas", "que", "qui", "pour", "avec", "ne", "vous", "c'est", "il", "elle", "au", "sur", "ce",
                            "ai", "suis", "mais", "mes", "carte"),
            "en",
                    Set.of(
                            "the", "a", "an", "is", "and", "of", "to", "my", "i", "i'm", "it", "not", "you", "that",
                            "for", "with", "have", "was", "this", "on", "card", "me", "be", "are"));

    /** Lower case, without accents, apostrophes made plain, hyphens split ("pouvez-vous"), single spaces. */
    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length() + 8);
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (c == '\u2019') {
                c = '\'';
            }
            boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'';
            boolean mark = c == '!' || c == '?';
            if (word) {
                out.append(c);
                space = false;
            } else if (mark) {
                if (!space) {
                    out.append(' ');
                }
                out.append(c).append(' ');
                space = true;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }
}
