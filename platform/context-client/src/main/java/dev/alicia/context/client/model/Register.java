package dev.alicia.context.client.model;

/** How a customer wants to be addressed: formally (vous, Sie, usted) or informally (tu, du, tú). */
public enum Register {
    FORMAL,
    INFORMAL
}
