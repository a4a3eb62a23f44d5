package uk.csc.workflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.csc.workflow.referral.ReferralToAssessmentModel;
import uk.csc.workflow.support.PostgresIntegrationTest;

/** Every file in processes/ and forms/ deploys and parses on the real engine, and is auto-deployed at start. */
@PostgresIntegrationTest
class ModelDeploymentTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private static List<Path> models() throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            return Stream.concat(processes, forms).filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).sorted().toList();
        }
    }

    @Test
    void everyModelDeploysAndEveryProcessAndDecisionIsDefined() throws IOException {
        List<Path> models = models();
        assertThat(models).extracting(p -> p.getFileName().toString())
                .contains("referralToAssessment.bpmn", "statutoryEscalation.bpmn", "contactClassification.dmn", "referralDecision.form");

        DeploymentBuilder builder = repository.createDeployment().name("model-test");
        for (Path model : models) {
            builder.addString(model.getFileName().toString(), Files.readString(model));
        }
        Deployment deployment = builder.deploy();
        try {
            for (Path model : models) {
                String file = model.getFileName().toString();
                String id = file.substring(0, file.lastIndexOf('.'));
                if (file.endsWith(".bpmn")) {
                    assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).processDefinitionKey(id).count())
                            .as(file).isEqualTo(1);
                } else if (file.endsWith(".dmn")) {
                    assertThat(repository.createDecisionDefinitionQuery().deploymentId(deployment.getId()).decisionDefinitionKey(id).count())
                            .as(file).isEqualTo(1);
                } else {
                    assertThat(repository.getResourceAsStream(deployment.getId(), file)).as(file).isNotNull();
                }
            }
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void onlyChangedModelsAreDeployedAgain() {
        var config = (org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration) engine.getProcessEngineConfiguration();
        assertThat(config.isDeployChangedOnly()).isTrue();

        // What a restart does: the same resources again, filtered for duplicates, make no new versions.
        long before = repository.createProcessDefinitionQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID).count();
        var again = repository.createDeployment().name(config.getDeploymentName()).enableDuplicateFiltering(true);
        for (org.springframework.core.io.Resource resource : config.getDeploymentResources()) {
            try (var in = resource.getInputStream()) {
                // Named as the engine's Spring auto-deployment names a file resource.
                again.addInputStream(resource.getFile().getAbsolutePath(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        again.deploy();

        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ReferralToAssessmentModel.PROCESS_ID).count()).isEqualTo(before);
    }

    @Test
    void theApplicationDeployedTheModelsAtStart() throws IOException {
        List<String> deployed = repository.createDeploymentQuery().list().stream()
                .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
                .map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();

        assertThat(deployed).containsAll(models().stream().map(p -> p.getFileName().toString()).toList());
    }
}
