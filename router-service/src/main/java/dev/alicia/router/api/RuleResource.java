package dev.alicia.router.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.alicia.kit.api.Ids;
import dev.alicia.kit.api.ProblemException;
import dev.alicia.kit.security.Caller;
import dev.alicia.kit.security.Roles;
import dev.alicia.router.domain.RoutingRule;
import dev.alicia.router.persistence.RoutingRuleEntity;
import dev.alicia.router.service.RuleBook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Routing rules", description = "Which queue, priority and skills a contact gets")
public class RuleResource {

    private final Caller caller;

    private final RuleBook rules;

    public RuleResource(RuleBook rules, Caller caller) {
        this.caller = caller;
        this.rules = rules;
    }

    @GET
    @Operation(summary = "The tenant's rules in the order they are tried")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<RoutingRule> list() {
        String tenantId = caller.tenant();
        return QuarkusTransaction.requiringNew()
                .call(() -> RoutingRuleEntity.ofTenant(tenantId).stream()
                        .map(RoutingRuleEntity::toRule)
                        .toList());
    }

    @PUT
    @Path("/{name}")
    @Operation(summary = "Create or replace a rule")
    @RolesAllowed(Roles.ADMIN)
    public RoutingRule put(
            @PathParam("name") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String name,
            @Valid @NotNull RuleRequest rule) {
        String tenantId = caller.tenant();
        RoutingRule saved = QuarkusTransaction.requiringNew().call(() -> {
            RoutingRuleEntity entity = RoutingRuleEntity.find(tenantId, name).orElseGet(RoutingRuleEntity::new);
            entity.tenantId = tenantId;
            entity.name = name;
            entity.ruleOrder = rule.order();
            entity.channels.clear();
            if (rule.channels() != null) {
                rule.channels().forEach(channel -> entity.channels.add(channel.name()));
            }
            replace(entity.intents, rule.intents());
            replace(entity.languages, rule.languages());
            replace(entity.tiers, rule.tiers());
            replace(entity.signals, rule.signals());
            entity.queue = rule.queue();
            entity.priority = rule.priority();
            entity.requiredSkills.clear();
            if (rule.requiredSkills() != null) {
                entity.requiredSkills.putAll(rule.requiredSkills());
            }
            entity.persist();
            return entity.toRule();
        });
        rules.changed(tenantId);
        return saved;
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a rule")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(
            // Checked like PUT's: a NUL in the name reached PostgreSQL and answered 500 (found by the REST fuzz test).
            @PathParam("name") @Pattern(regexp = Ids.ENTITY, message = Ids.ENTITY_MESSAGE) String name) {
        String tenantId = caller.tenant();
        boolean deleted = QuarkusTransaction.requiringNew()
                .call(() -> RoutingRuleEntity.find(tenantId, name)
                        .map(entity -> {
                            entity.delete();
                            return true;
                        })
                        .orElse(false));
        if (!deleted) {
            throw ProblemException.notFound("routing rule", name);
        }
        rules.changed(tenantId);
        return Response.noContent().build();
    }

    private static void replace(java.util.Set<String> target, java.util.Set<String> values) {
        target.clear();
        if (values != null) {
            target.addAll(values);
        }
    }
}
