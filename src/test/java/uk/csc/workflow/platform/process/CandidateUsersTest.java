package uk.csc.workflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CandidateUsersTest {

    @Test
    void usersAreTheEnginesCommaSeparatedTextInTheirOrder() {
        assertThat(CandidateUsers.of(List.of("manager.north", "manager.north2"))).isEqualTo("manager.north,manager.north2");
        assertThat(CandidateUsers.of(List.of("manager.north"))).isEqualTo("manager.north");
    }

    @Test
    void nobodyStaysAnEmptyListBecauseTheEngineReadsEmptyTextAsOneBlankCandidate() {
        assertThat(CandidateUsers.of(List.of())).isEqualTo(List.of());
    }

    @Test
    void anIdTheTextCouldNotCarryIsRefusedWithItsValue() {
        assertThatThrownBy(() -> CandidateUsers.of(List.of("manager.north", "a,b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a,b'");
        assertThatThrownBy(() -> CandidateUsers.of(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CandidateUsers.of(Arrays.asList("manager.north", null))).isInstanceOf(IllegalArgumentException.class);
    }
}
