package io.tracemark.line;

import io.tracemark.core.Problem;
import java.util.List;

/**
 * The label layouts (templates) a line can print, as the line controller needs them. The
 * composition root implements it over the label package's templates and the printers' resolutions.
 */
public interface LabelDesigns {

    /** Names of the templates available, sorted. */
    List<String> names();

    /**
     * Every reason {@code template} cannot print this job on {@code printer}: unknown template, a field
     * the job cannot supply, a trace level that does not fit. Each problem's {@code where} is
     * {@code template}. Empty when it can.
     */
    List<Problem> check(String template, String printer, JobFacts facts);

    /**
     * The labels of one job on one printer.
     *
     * @throws io.tracemark.core.InvalidInputException when {@link #check} would report a problem
     */
    JobLabels forJob(String template, String printer, JobFacts facts);
}
