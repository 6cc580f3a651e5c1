package org.apache.pdfbox.pdmodel.font;
public abstract class PDFont {}
